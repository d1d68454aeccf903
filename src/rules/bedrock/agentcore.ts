import { prop } from '../../resources/access.js';
import { isUnknown, type Resource } from '../../resources/types.js';
import { fail, pass, unknown, type Outcome } from '../types.js';
import { asText } from '../sagemaker/shared.js';

/** Judges the NetworkMode of a Bedrock AgentCore runtime, browser or code interpreter against the allowed modes. */
export function networkModeOutcome(resource: Resource, allowed: string[], what: string): Outcome {
  const mode = asText(
    prop(resource, {
      cloudformation: 'NetworkConfiguration.NetworkMode',
      terraform: 'network_configuration.network_mode',
    }),
  );
  if (isUnknown(mode))
    return unknown(`${resource.address}: network mode cannot be decided statically: ${mode.reason}`);
  if (mode === undefined) return fail(`${resource.address} sets no network mode for ${what}`);
  if (allowed.includes(mode.toUpperCase()))
    return pass(`${resource.address} runs ${what} in ${mode} network mode`);
  return fail(`${resource.address} runs ${what} in ${mode} network mode`);
}

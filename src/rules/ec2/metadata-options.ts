import { getPath, isUnknown } from '../../resources/index.js';
import type { Outcome } from '../types.js';
import { fail, pass, unknown } from '../types.js';

/**
 * Judges an instance metadata options block (CloudFormation `MetadataOptions` or Terraform
 * `metadata_options`): IMDSv2 is enforced when tokens are required or the endpoint is disabled.
 */
export function metadataOptionsOutcome(address: string, options: unknown, cfn: boolean): Outcome {
  if (isUnknown(options)) return unknown(`${address}: cannot be decided statically: ${options.reason}`);
  const tokens = getPath(options, cfn ? 'HttpTokens' : 'http_tokens');
  const endpoint = getPath(options, cfn ? 'HttpEndpoint' : 'http_endpoint');
  if (isUnknown(tokens)) return unknown(`${address}: cannot be decided statically: ${tokens.reason}`);
  if (tokens === 'required') return pass(`${address}: IMDSv2 session tokens are required`);
  if (endpoint === 'disabled') return pass(`${address}: the instance metadata service is disabled`);
  if (isUnknown(endpoint)) return unknown(`${address}: cannot be decided statically: ${endpoint.reason}`);
  return fail(
    `${address}: IMDSv1 stays available (HttpTokens is ${typeof tokens === 'string' ? tokens : 'not set, so optional'})`,
  );
}

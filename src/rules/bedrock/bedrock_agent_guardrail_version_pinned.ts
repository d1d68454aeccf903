import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { asText, isSet } from '../sagemaker/shared.js';
import { AGENT_TYPES, agentGuardrail } from './shared.js';

export const bedrockAgentGuardrailVersionPinned: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agent_guardrail_version_pinned',
  title: 'Bedrock agents use a numbered guardrail version, not the working draft',
  severity: 'medium',
  resourceTypes: AGENT_TYPES,
  rationale:
    'The DRAFT version changes whenever someone edits the guardrail, so a weakened filter reaches production without review. A numbered version is immutable.',
  remediation: {
    text: 'Create a guardrail version (AWS::Bedrock::GuardrailVersion / aws_bedrock_guardrail_version) and reference its number.',
    cloudformation:
      'GuardrailConfiguration:\n  GuardrailIdentifier: !GetAtt Guardrail.GuardrailId\n  GuardrailVersion: !GetAtt GuardrailVersion.Version',
    terraform:
      'guardrail_configuration {\n  guardrail_identifier = aws_bedrock_guardrail.g.guardrail_id\n  guardrail_version    = aws_bedrock_guardrail_version.g.version\n}',
  },
  controls: ['guardrail-version-pinned'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const id = agentGuardrail(resource);
    if (!isUnknown(id) && !isSet(id)) return notApplicable(`${resource.address} has no guardrail`);
    const raw = prop(resource, {
      cloudformation: 'GuardrailConfiguration.GuardrailVersion',
      terraform: 'guardrail_configuration.guardrail_version',
    });
    const version = asText(raw);
    if (isUnknown(version))
      return unknown(
        `${resource.address}: guardrail version cannot be decided statically: ${version.reason}`,
      );
    if (version === undefined) {
      if (isSet(raw)) return pass(`${resource.address} takes its guardrail version from another resource`);
      return fail(`${resource.address} sets no guardrail version, so it uses the working draft`);
    }
    if (version.trim().toUpperCase() === 'DRAFT')
      return fail(`${resource.address} uses the DRAFT guardrail version`);
    return pass(`${resource.address} uses guardrail version ${version}`);
  },
};

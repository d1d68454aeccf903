import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { isSet } from '../sagemaker/shared.js';
import { AGENT_TYPES, agentGuardrail } from './shared.js';

export const bedrockAgentGuardrail: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agent_guardrail',
  title: 'Bedrock agents are associated with a guardrail',
  severity: 'high',
  resourceTypes: AGENT_TYPES,
  rationale:
    'An agent without a guardrail passes prompt injections, jailbreaks, harmful content and personal data straight to the model and its tools.',
  remediation: {
    text: 'Set GuardrailConfiguration with a guardrail identifier and a numbered version.',
    cloudformation:
      'Agent:\n  Type: AWS::Bedrock::Agent\n  Properties:\n    GuardrailConfiguration:\n      GuardrailIdentifier: !GetAtt Guardrail.GuardrailId\n      GuardrailVersion: !GetAtt GuardrailVersion.Version',
    terraform:
      'resource "aws_bedrockagent_agent" "agent" {\n  guardrail_configuration {\n    guardrail_identifier = aws_bedrock_guardrail.g.guardrail_id\n    guardrail_version    = aws_bedrock_guardrail_version.g.version\n  }\n}',
  },
  controls: ['guardrail-attached-to-invocations'],
  equivalents: {
    checkov: ['CKV_AWS_383'],
    prowler: ['bedrock_agent_guardrail_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const id = agentGuardrail(resource);
    if (isUnknown(id))
      return unknown(`${resource.address}: guardrail cannot be decided statically: ${id.reason}`);
    if (isSet(id)) return pass(`${resource.address} is associated with a guardrail`);
    return fail(`${resource.address} has no guardrail configuration`);
  },
};

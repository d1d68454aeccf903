import { fail, pass, type GraphRule } from '../types.js';
import { bedrockUsage, GUARDRAIL_TYPES } from './shared.js';

export const bedrockGuardrailsConfigured: GraphRule = {
  kind: 'graph',
  id: 'bedrock_guardrails_configured',
  title: 'Workloads that use Bedrock define at least one guardrail',
  severity: 'medium',
  resourceTypes: {
    cloudformation: [
      'AWS::Bedrock::Guardrail',
      'AWS::Bedrock::Agent',
      'AWS::Bedrock::KnowledgeBase',
      'AWS::IAM::Role',
      'AWS::IAM::Policy',
    ],
    terraform: [
      'aws_bedrock_guardrail',
      'aws_bedrockagent_agent',
      'aws_bedrockagent_knowledge_base',
      'aws_iam_role',
      'aws_iam_policy',
    ],
  },
  rationale:
    'Model calls without a guardrail have no filter for prompt attacks, harmful content or personal data. A workload that invokes Bedrock but defines no guardrail most likely calls models unfiltered.',
  remediation: {
    text: 'Define a guardrail with the workload and pass its identifier and version on every Converse/InvokeModel call and agent.',
    cloudformation:
      'Guardrail:\n  Type: AWS::Bedrock::Guardrail\n  Properties:\n    Name: app-guardrail\n    BlockedInputMessaging: Sorry, I cannot help with that.\n    BlockedOutputsMessaging: Sorry, I cannot help with that.\n    ContentPolicyConfig:\n      FiltersConfig:\n        - Type: PROMPT_ATTACK\n          InputStrength: HIGH\n          OutputStrength: NONE',
    terraform:
      'resource "aws_bedrock_guardrail" "app" {\n  name                      = "app-guardrail"\n  blocked_input_messaging   = "Sorry, I cannot help with that."\n  blocked_outputs_messaging = "Sorry, I cannot help with that."\n  content_policy_config {\n    filters_config {\n      type            = "PROMPT_ATTACK"\n      input_strength  = "HIGH"\n      output_strength = "NONE"\n    }\n  }\n}',
  },
  controls: ['guardrail-attached-to-invocations'],
  equivalents: { checkov: [], prowler: ['bedrock_guardrails_configured'], securityhub: [], cdknag: [] },
  evaluateGraph(ctx) {
    const guardrails = ctx.graph.byType(...GUARDRAIL_TYPES.cloudformation, ...GUARDRAIL_TYPES.terraform);
    if (guardrails.length > 0) {
      return guardrails.map((g) => ({
        resource: g,
        ...pass(`${g.address} is a guardrail defined with the workload`),
      }));
    }
    const usage = bedrockUsage(ctx.graph);
    const first = usage[0];
    if (!first) return [];
    return [
      {
        resource: first,
        ...fail(
          `${first.address} shows the workload uses Bedrock, but no guardrail is defined in the scanned files`,
        ),
      },
    ];
  },
};

import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { listOf } from '../sagemaker/shared.js';
import { GUARDRAIL_TYPES } from './shared.js';

export const bedrockGuardrailDeniedTopics: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_guardrail_denied_topics',
  title: "Bedrock guardrails deny at least one topic outside the application's purpose",
  severity: 'low',
  resourceTypes: GUARDRAIL_TYPES,
  rationale:
    'Denied topics keep an assistant inside its intended use (no investment, legal or medical advice from a support bot), which limits misuse and excessive reliance on answers it was not built to give.',
  remediation: {
    text: 'Add TopicPolicyConfig with DENY topics for the subjects the application must not discuss.',
    cloudformation:
      'TopicPolicyConfig:\n  TopicsConfig:\n    - Name: Investment advice\n      Definition: Recommendations about investing money or buying securities.\n      Type: DENY',
    terraform:
      'topic_policy_config {\n  topics_config {\n    name       = "Investment advice"\n    definition = "Recommendations about investing money or buying securities."\n    type       = "DENY"\n  }\n}',
  },
  controls: ['guardrail-denied-topics'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const topics = listOf(resource, {
      cloudformation: 'TopicPolicyConfig.TopicsConfig',
      terraform: 'topic_policy_config.topics_config',
    });
    if (isUnknown(topics))
      return unknown(`${resource.address}: denied topics cannot be read: ${topics.reason}`);
    if (topics.length > 0) return pass(`${resource.address} denies ${topics.length} topic(s)`);
    return fail(`${resource.address} denies no topics`);
  },
};

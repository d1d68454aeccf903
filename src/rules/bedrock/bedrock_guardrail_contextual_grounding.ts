import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { asNumber } from '../sagemaker/shared.js';
import {
  GROUNDING_FILTERS,
  GUARDRAIL_TYPES,
  guardrailFilters,
  isDetectOnly,
  isOff,
  knowledgeBases,
} from './shared.js';

const REQUIRED = ['GROUNDING', 'RELEVANCE'];

export const bedrockGuardrailContextualGrounding: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_guardrail_contextual_grounding',
  title: 'Bedrock guardrails of retrieval workloads block ungrounded and irrelevant answers',
  severity: 'medium',
  resourceTypes: GUARDRAIL_TYPES,
  rationale:
    'When a knowledge base supplies the context, contextual grounding checks that the answer is supported by the retrieved sources and relevant to the question, catching hallucinations and answers steered by poisoned documents.',
  remediation: {
    text: 'Add GROUNDING and RELEVANCE filters with a threshold above 0 (0.7 is a common start).',
    cloudformation:
      'ContextualGroundingPolicyConfig:\n  FiltersConfig:\n    - Type: GROUNDING\n      Threshold: 0.7\n    - Type: RELEVANCE\n      Threshold: 0.7',
    terraform:
      'contextual_grounding_policy_config {\n  filters_config {\n    type      = "GROUNDING"\n    threshold = 0.7\n  }\n  filters_config {\n    type      = "RELEVANCE"\n    threshold = 0.7\n  }\n}',
  },
  controls: ['guardrail-contextual-grounding'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_guardrail_contextual_grounding_filter_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    if (knowledgeBases(ctx.graph).length === 0)
      return notApplicable(`${resource.address}: no knowledge base is defined in the scanned files`);
    const filters = guardrailFilters(resource, GROUNDING_FILTERS);
    if (isUnknown(filters))
      return unknown(`${resource.address}: grounding filters cannot be read: ${filters.reason}`);
    const missing: string[] = [];
    for (const type of REQUIRED) {
      const filter = filters.find((f) => typeof f.type === 'string' && f.type.toUpperCase() === type);
      if (!filter) {
        missing.push(type);
        continue;
      }
      const threshold = asNumber(filter.threshold);
      if (isUnknown(threshold))
        return unknown(
          `${resource.address}: ${type} threshold cannot be decided statically: ${threshold.reason}`,
        );
      if (threshold === undefined || threshold <= 0 || isOff(filter.enabled) || isDetectOnly(filter.action))
        missing.push(`${type} (inactive)`);
    }
    if (missing.length === 0) return pass(`${resource.address} checks answers for grounding and relevance`);
    return fail(
      `${resource.address} is used with a knowledge base but lacks contextual grounding filters: ${missing.join(', ')}`,
    );
  },
};

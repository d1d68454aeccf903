import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { CONTENT_FILTERS, GUARDRAIL_TYPES, guardrailFilters, isOff, strengthRank } from './shared.js';

const HARMFUL_CATEGORIES = ['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'];
const MEDIUM = 2;

export const bedrockGuardrailHarmfulContentFilters: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_guardrail_harmful_content_filters',
  title:
    'Bedrock guardrails filter hate, insults, sexual content, violence and misconduct at MEDIUM strength or higher in both directions',
  severity: 'medium',
  resourceTypes: GUARDRAIL_TYPES,
  rationale:
    'Harmful content in answers is a reputational and legal risk, and harmful requests are how users steer a model off its purpose. Each category is filtered only when listed, and LOW lets most of it through.',
  remediation: {
    text: 'List HATE, INSULTS, SEXUAL, VIOLENCE and MISCONDUCT in ContentPolicyConfig with input and output strength MEDIUM or HIGH.',
    cloudformation:
      'ContentPolicyConfig:\n  FiltersConfig:\n    - Type: HATE\n      InputStrength: HIGH\n      OutputStrength: HIGH\n    - Type: INSULTS\n      InputStrength: HIGH\n      OutputStrength: HIGH\n    # ... SEXUAL, VIOLENCE, MISCONDUCT',
    terraform:
      'content_policy_config {\n  filters_config {\n    type            = "HATE"\n    input_strength  = "HIGH"\n    output_strength = "HIGH"\n  }\n  # ... INSULTS, SEXUAL, VIOLENCE, MISCONDUCT\n}',
  },
  controls: ['guardrail-content-filters'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const filters = guardrailFilters(resource, CONTENT_FILTERS);
    if (isUnknown(filters))
      return unknown(`${resource.address}: content filters cannot be read: ${filters.reason}`);
    const problems: string[] = [];
    for (const category of HARMFUL_CATEGORIES) {
      const filter = filters.find((f) => typeof f.type === 'string' && f.type.toUpperCase() === category);
      if (!filter) {
        if (filters.some((f) => isUnknown(f.type)))
          return unknown(`${resource.address}: a content filter type cannot be decided statically`);
        problems.push(`${category} missing`);
        continue;
      }
      if (isUnknown(filter.inputStrength) || isUnknown(filter.outputStrength)) {
        return unknown(`${resource.address}: ${category} strength cannot be decided statically`);
      }
      const input = isOff(filter.inputEnabled) ? 0 : (strengthRank(filter.inputStrength) ?? 0);
      const output = isOff(filter.outputEnabled) ? 0 : (strengthRank(filter.outputStrength) ?? 0);
      if (input < MEDIUM || output < MEDIUM)
        problems.push(`${category} at ${filter.inputStrength ?? '?'}/${filter.outputStrength ?? '?'}`);
    }
    if (problems.length === 0)
      return pass(`${resource.address} filters all harmful content categories at MEDIUM or higher`);
    return fail(
      `${resource.address} does not filter harmful content strongly enough: ${problems.join(', ')}`,
    );
  },
};

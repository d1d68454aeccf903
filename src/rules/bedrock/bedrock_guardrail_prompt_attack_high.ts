import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import {
  CONTENT_FILTERS,
  GUARDRAIL_TYPES,
  guardrailFilters,
  isDetectOnly,
  isOff,
  strengthRank,
} from './shared.js';

export const bedrockGuardrailPromptAttackHigh: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_guardrail_prompt_attack_high',
  title: 'Bedrock guardrails block prompt attacks at HIGH input strength',
  severity: 'high',
  resourceTypes: GUARDRAIL_TYPES,
  rationale:
    'Prompt injection and jailbreaks are the first risk of the OWASP Top 10 for LLM applications. The PROMPT_ATTACK filter at lower strengths lets through many known attack patterns.',
  remediation: {
    text: 'Add a PROMPT_ATTACK content filter with InputStrength HIGH (OutputStrength must be NONE).',
    cloudformation:
      'ContentPolicyConfig:\n  FiltersConfig:\n    - Type: PROMPT_ATTACK\n      InputStrength: HIGH\n      OutputStrength: NONE',
    terraform:
      'content_policy_config {\n  filters_config {\n    type            = "PROMPT_ATTACK"\n    input_strength  = "HIGH"\n    output_strength = "NONE"\n  }\n}',
  },
  controls: ['guardrail-prompt-attack-filter'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_guardrail_prompt_attack_filter_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const filters = guardrailFilters(resource, CONTENT_FILTERS);
    if (isUnknown(filters))
      return unknown(`${resource.address}: content filters cannot be read: ${filters.reason}`);
    const attack = filters.find(
      (f) => typeof f.type === 'string' && f.type.toUpperCase() === 'PROMPT_ATTACK',
    );
    if (!attack) {
      const undecided = filters.find((f) => isUnknown(f.type));
      if (undecided)
        return unknown(`${resource.address}: a content filter type cannot be decided statically`);
      return fail(`${resource.address} has no PROMPT_ATTACK content filter`);
    }
    if (isUnknown(attack.inputStrength))
      return unknown(
        `${resource.address}: prompt attack strength cannot be decided statically: ${attack.inputStrength.reason}`,
      );
    if (isOff(attack.inputEnabled))
      return fail(`${resource.address} turns the prompt attack filter off for input`);
    if (isDetectOnly(attack.inputAction))
      return fail(
        `${resource.address} only detects prompt attacks (input action NONE) and does not block them`,
      );
    if (strengthRank(attack.inputStrength) === 3)
      return pass(`${resource.address} blocks prompt attacks at HIGH strength`);
    return fail(
      `${resource.address} filters prompt attacks at ${attack.inputStrength ?? 'no'} input strength, not HIGH`,
    );
  },
};

import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { listOf } from '../sagemaker/shared.js';
import {
  GUARDRAIL_TYPES,
  guardrailFilters,
  isDetectOnly,
  isOff,
  PII_FILTERS,
  REGEX_FILTERS,
  type GuardrailFilter,
} from './shared.js';

/** Workload entity names are matched to Bedrock's PII types case- and separator-insensitively ("credit card number"). */
function normalizeEntity(name: string): string {
  return name
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

function protects(filter: GuardrailFilter): boolean {
  const inputOn = !isOff(filter.inputEnabled) && !isDetectOnly(filter.inputAction ?? filter.action);
  const outputOn = !isOff(filter.outputEnabled) && !isDetectOnly(filter.outputAction ?? filter.action);
  return inputOn || outputOn;
}

export const bedrockGuardrailSensitiveInformationFilter: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_guardrail_sensitive_information_filter',
  title: 'Bedrock guardrails block or mask personal data, including every PII type the workload declares',
  severity: 'high',
  resourceTypes: GUARDRAIL_TYPES,
  rationale:
    'Without a sensitive information policy, personal data in prompts, retrieved documents and answers passes unchanged. The workload manifest says which PII its data holds; each of those types needs a BLOCK or ANONYMIZE action.',
  remediation: {
    text: 'Add SensitiveInformationPolicyConfig with a BLOCK or ANONYMIZE entry for each PII type the workload handles.',
    cloudformation:
      'SensitiveInformationPolicyConfig:\n  PiiEntitiesConfig:\n    - Type: EMAIL\n      Action: ANONYMIZE\n    - Type: US_SOCIAL_SECURITY_NUMBER\n      Action: BLOCK',
    terraform:
      'sensitive_information_policy_config {\n  pii_entities_config {\n    type   = "EMAIL"\n    action = "ANONYMIZE"\n  }\n  pii_entities_config {\n    type   = "US_SOCIAL_SECURITY_NUMBER"\n    action = "BLOCK"\n  }\n}',
  },
  controls: ['guardrail-pii-filter'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_guardrail_sensitive_information_filter_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const filters = guardrailFilters(resource, PII_FILTERS);
    if (isUnknown(filters))
      return unknown(`${resource.address}: PII filters cannot be read: ${filters.reason}`);
    const regexes = listOf(resource, REGEX_FILTERS);
    const active = filters.filter(protects);
    const covered = new Set(
      active.flatMap((f) => (typeof f.type === 'string' ? [normalizeEntity(f.type)] : [])),
    );
    const undecided = filters.some(
      (f) =>
        isUnknown(f.type) || isUnknown(f.action) || isUnknown(f.inputAction) || isUnknown(f.outputAction),
    );
    const wanted = (ctx.workload?.piiEntities ?? []).map(normalizeEntity);
    if (wanted.length > 0) {
      const missing = wanted.filter((e) => !covered.has(e));
      if (missing.length === 0)
        return pass(`${resource.address} blocks or masks every PII type the workload declares`);
      if (undecided) return unknown(`${resource.address}: some PII filters cannot be decided statically`);
      return fail(
        `${resource.address} does not block or mask PII types the workload holds: ${missing.join(', ')}`,
      );
    }
    if (active.length > 0 || (!isUnknown(regexes) && regexes.length > 0)) {
      return pass(`${resource.address} blocks or masks sensitive information (${covered.size} PII types)`);
    }
    if (undecided || isUnknown(regexes))
      return unknown(`${resource.address}: sensitive information filters cannot be decided statically`);
    if (filters.length > 0)
      return fail(
        `${resource.address} lists PII types but only detects them (action NONE) without blocking or masking`,
      );
    return fail(`${resource.address} has no sensitive information filter`);
  },
};

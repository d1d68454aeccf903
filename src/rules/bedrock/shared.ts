import { getPath, prop } from '../../resources/access.js';
import { isUnknown, type Resource, type ResourceGraph, type Unknown } from '../../resources/types.js';
import { asText, listOf, type Paths } from '../sagemaker/shared.js';

/** Facts about Bedrock resources shared by the Bedrock rules. */

export const AGENT_TYPES = { cloudformation: ['AWS::Bedrock::Agent'], terraform: ['aws_bedrockagent_agent'] };
export const GUARDRAIL_TYPES = {
  cloudformation: ['AWS::Bedrock::Guardrail'],
  terraform: ['aws_bedrock_guardrail'],
};
export const KNOWLEDGE_BASE_TYPES = {
  cloudformation: ['AWS::Bedrock::KnowledgeBase'],
  terraform: ['aws_bedrockagent_knowledge_base'],
};

/** True for any resource that means the workload uses Amazon Bedrock. */
export function isBedrockResource(resource: Resource): boolean {
  return (
    resource.type.startsWith('AWS::Bedrock::') ||
    resource.type.startsWith('AWS::BedrockAgentCore::') ||
    resource.type.startsWith('aws_bedrock')
  );
}

export function bedrockResources(graph: ResourceGraph): Resource[] {
  return graph.resources.filter(isBedrockResource);
}

export function knowledgeBases(graph: ResourceGraph): Resource[] {
  return graph.byType(...KNOWLEDGE_BASE_TYPES.cloudformation, ...KNOWLEDGE_BASE_TYPES.terraform);
}

export function agents(graph: ResourceGraph): Resource[] {
  return graph.byType(...AGENT_TYPES.cloudformation, ...AGENT_TYPES.terraform);
}

/** A guardrail filter as read from either dialect. Absent fields stay undefined. */
export interface GuardrailFilter {
  type: string | Unknown | undefined;
  inputStrength: string | Unknown | undefined;
  outputStrength: string | Unknown | undefined;
  /** BLOCK | ANONYMIZE | NONE for PII; BLOCK | NONE for content and grounding. */
  action: string | Unknown | undefined;
  inputAction: string | Unknown | undefined;
  outputAction: string | Unknown | undefined;
  inputEnabled: unknown;
  outputEnabled: unknown;
  enabled: unknown;
  threshold: unknown;
}

function readFilter(resource: Resource, raw: unknown): GuardrailFilter {
  const tf = !(resource.source === 'cloudformation' || resource.source === 'cdk');
  const get = (cfn: string, terraform: string): unknown => getPath(raw, tf ? terraform : cfn);
  return {
    type: asText(get('Type', 'type')),
    inputStrength: asText(get('InputStrength', 'input_strength')),
    outputStrength: asText(get('OutputStrength', 'output_strength')),
    action: asText(get('Action', 'action')),
    inputAction: asText(get('InputAction', 'input_action')),
    outputAction: asText(get('OutputAction', 'output_action')),
    inputEnabled: get('InputEnabled', 'input_enabled'),
    outputEnabled: get('OutputEnabled', 'output_enabled'),
    enabled: get('Enabled', 'enabled'),
    threshold: get('Threshold', 'threshold'),
  };
}

/** The filters of one guardrail policy list (content filters, PII entities, grounding filters). */
export function guardrailFilters(resource: Resource, paths: Paths): GuardrailFilter[] | Unknown {
  const list = listOf(resource, paths);
  if (isUnknown(list)) return list;
  return list.map((f) => readFilter(resource, f));
}

export const CONTENT_FILTERS: Paths = {
  cloudformation: 'ContentPolicyConfig.FiltersConfig',
  terraform: 'content_policy_config.filters_config',
};
export const PII_FILTERS: Paths = {
  cloudformation: 'SensitiveInformationPolicyConfig.PiiEntitiesConfig',
  terraform: 'sensitive_information_policy_config.pii_entities_config',
};
export const REGEX_FILTERS: Paths = {
  cloudformation: 'SensitiveInformationPolicyConfig.RegexesConfig',
  terraform: 'sensitive_information_policy_config.regexes_config',
};
export const GROUNDING_FILTERS: Paths = {
  cloudformation: 'ContextualGroundingPolicyConfig.FiltersConfig',
  terraform: 'contextual_grounding_policy_config.filters_config',
};

const STRENGTH_ORDER = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];

/** Rank of a filter strength (NONE 0 .. HIGH 3); undefined for anything else. */
export function strengthRank(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const i = STRENGTH_ORDER.indexOf(value.toUpperCase());
  return i === -1 ? undefined : i;
}

/** An explicit `false` (a direction turned off); absent means on. */
export function isOff(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** An action of NONE only detects and does not block or mask. */
export function isDetectOnly(action: string | Unknown | undefined): boolean {
  return typeof action === 'string' && action.toUpperCase() === 'NONE';
}

/** The guardrail identifier an agent names, as written (reference, ARN or id). */
export function agentGuardrail(resource: Resource): unknown {
  return prop(resource, {
    cloudformation: 'GuardrailConfiguration.GuardrailIdentifier',
    terraform: 'guardrail_configuration.guardrail_identifier',
  });
}

const IAM_POLICY_HOLDERS = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_policy_document',
]);

const MAX_WALK_DEPTH = 32;

/** True when a value holds a policy action that invokes Bedrock models or agents (`bedrock:InvokeModel`, `bedrock:*`). */
function grantsBedrockInvoke(value: unknown, depth = 0): boolean {
  if (depth > MAX_WALK_DEPTH) return false;
  if (typeof value === 'string') {
    if (/^bedrock:(?:\*|invoke)/i.test(value)) return true;
    // Policy documents written as JSON text (Terraform jsonencode, CloudFormation strings).
    return value.length < 256 * 1024 && value.includes('"bedrock:') && /"bedrock:(?:\*|invoke)/i.test(value);
  }
  if (Array.isArray(value)) return value.some((v) => grantsBedrockInvoke(v, depth + 1));
  if (value !== null && typeof value === 'object' && !isUnknown(value)) {
    return Object.values(value as Record<string, unknown>).some((v) => grantsBedrockInvoke(v, depth + 1));
  }
  return false;
}

/** IAM resources that let a workload invoke Bedrock models directly (no Bedrock resource needed). */
export function bedrockInvokers(graph: ResourceGraph): Resource[] {
  return graph.resources.filter((r) => IAM_POLICY_HOLDERS.has(r.type) && grantsBedrockInvoke(r.properties));
}

/** Every resource that shows the workload uses Bedrock: Bedrock resources first, then IAM grants. */
export function bedrockUsage(graph: ResourceGraph): Resource[] {
  return [...bedrockResources(graph), ...bedrockInvokers(graph)];
}

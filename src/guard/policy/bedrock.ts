/**
 * Amazon Bedrock Guardrails <-> aigis policy, on the CreateGuardrail request shape (camelCase).
 * CloudFormation and Terraform are read into and written from this shape by bedrock-formats.ts.
 */
import { z } from 'zod';
import { InputError } from '../../util/errors.js';
import { formatPath } from '../../util/structured-file.js';
import { parsePolicy } from './load.js';
import {
  UNSUPPORTED_CONTENT_CATEGORIES,
  guardPolicySchema,
  type GuardPolicy,
  type GuardPolicyInput,
} from './schema.js';

const text = z.string();
const directional = {
  inputAction: text.optional(),
  outputAction: text.optional(),
  inputEnabled: z.boolean().optional(),
  outputEnabled: z.boolean().optional(),
};

/** CreateGuardrail request fields aigis reads; enum values are checked by the aigis policy schema afterwards. */
export const createGuardrailRequestSchema = z.looseObject({
  name: text.optional(),
  description: text.optional(),
  blockedInputMessaging: text.optional(),
  blockedOutputsMessaging: text.optional(),
  contentPolicyConfig: z
    .looseObject({
      filtersConfig: z
        .array(
          z.looseObject({
            type: text,
            inputStrength: text,
            outputStrength: text.optional(),
            inputModalities: z.array(text).optional(),
            outputModalities: z.array(text).optional(),
            ...directional,
          }),
        )
        .default([]),
      tierConfig: z.looseObject({ tierName: text }).optional(),
    })
    .optional(),
  topicPolicyConfig: z
    .looseObject({
      topicsConfig: z
        .array(
          z.looseObject({
            name: text,
            definition: text,
            examples: z.array(text).optional(),
            type: text.optional(),
            ...directional,
          }),
        )
        .default([]),
      tierConfig: z.looseObject({ tierName: text }).optional(),
    })
    .optional(),
  wordPolicyConfig: z
    .looseObject({
      wordsConfig: z.array(z.looseObject({ text, ...directional })).default([]),
      managedWordListsConfig: z.array(z.looseObject({ type: text, ...directional })).default([]),
    })
    .optional(),
  sensitiveInformationPolicyConfig: z
    .looseObject({
      piiEntitiesConfig: z.array(z.looseObject({ type: text, action: text, ...directional })).default([]),
      regexesConfig: z
        .array(
          z.looseObject({
            name: text,
            description: text.optional(),
            pattern: text,
            action: text,
            ...directional,
          }),
        )
        .default([]),
    })
    .optional(),
  contextualGroundingPolicyConfig: z.unknown().optional(),
  automatedReasoningPolicyConfig: z.unknown().optional(),
});
export type CreateGuardrailRequest = z.input<typeof createGuardrailRequestSchema>;

/** Bedrock fields with no effect in aigis: dropped with a warning. */
const IGNORED_TOP_LEVEL = [
  'kmsKeyId',
  'tags',
  'tagsAll',
  'crossRegionConfig',
  'clientRequestToken',
  'region',
  'timeouts',
] as const;

export interface ImportOptions {
  /** Drop content categories and policies aigis cannot run (with a warning) instead of refusing the file. */
  dropUnsupported?: boolean;
  /** How an error names a field of the source, e.g. `template.yaml:12: Resources.G.Properties.Name`. */
  describePath?: (path: ReadonlyArray<string | number>) => string;
  /** Label for errors from the aigis schema after conversion. */
  label?: string;
}

export interface ImportResult {
  policy: GuardPolicy;
  warnings: string[];
}

function pickDirectional(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['inputAction', 'outputAction', 'inputEnabled', 'outputEnabled'] as const)
    if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/** A CreateGuardrail request (already camelCase) to a validated aigis policy. */
export function importBedrockRequest(request: unknown, opts: ImportOptions = {}): ImportResult {
  const describe = opts.describePath ?? ((p) => formatPath(p));
  const parsed = createGuardrailRequestSchema.safeParse(request);
  if (!parsed.success) {
    const messages = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${describe(issue.path as Array<string | number>)}: ${issue.message}`);
    throw new InputError(messages.join('\n'), { field: formatPath(parsed.error.issues[0]!.path) });
  }
  const req = parsed.data;
  const warnings: string[] = [];
  const refuse = (path: Array<string | number>, message: string): void => {
    if (opts.dropUnsupported) warnings.push(`${describe(path)}: ${message}; dropped`);
    else
      throw new InputError(`${describe(path)}: ${message} (use --drop-unsupported to import without it)`, {
        field: formatPath(path),
      });
  };

  const policy: GuardPolicyInput & Record<string, unknown> = {};
  if (req.name !== undefined) policy.name = req.name;
  if (req.description !== undefined) policy.description = req.description;
  if (req.blockedInputMessaging !== undefined) policy.blockedInputMessaging = req.blockedInputMessaging;
  if (req.blockedOutputsMessaging !== undefined) policy.blockedOutputsMessaging = req.blockedOutputsMessaging;

  if (req.contentPolicyConfig) {
    const filters: Array<Record<string, unknown>> = [];
    req.contentPolicyConfig.filtersConfig.forEach((f, i) => {
      const path = ['contentPolicyConfig', 'filtersConfig', i];
      const active =
        (f.inputStrength !== 'NONE' && f.inputEnabled !== false) ||
        (f.outputStrength !== undefined && f.outputStrength !== 'NONE' && f.outputEnabled !== false);
      if ((UNSUPPORTED_CONTENT_CATEGORIES as readonly string[]).includes(f.type)) {
        if (active) refuse([...path, 'type'], `aigis cannot judge the ${f.type} content category yet`);
        return;
      }
      const modalities = [...(f.inputModalities ?? []), ...(f.outputModalities ?? [])];
      if (modalities.some((m) => m !== 'TEXT'))
        warnings.push(`${describe(path)}: aigis checks text only; image modalities are not checked`);
      filters.push({
        type: f.type,
        inputStrength: f.inputStrength,
        outputStrength: f.outputStrength ?? 'NONE',
        ...pickDirectional(f),
      });
    });
    if (req.contentPolicyConfig.tierConfig)
      warnings.push(
        `${describe(['contentPolicyConfig', 'tierConfig'])}: Bedrock service tier, not used by aigis`,
      );
    if (filters.length > 0) policy.contentPolicy = { filters: filters as never };
  }

  if (req.topicPolicyConfig) {
    policy.topicPolicy = {
      topics: req.topicPolicyConfig.topicsConfig.map((t) => ({
        name: t.name,
        definition: t.definition,
        ...(t.examples && t.examples.length > 0 ? { examples: t.examples } : {}),
        ...(t.type !== undefined ? { type: t.type as 'DENY' } : {}),
        ...pickDirectional(t),
      })),
    };
    if (req.topicPolicyConfig.tierConfig)
      warnings.push(
        `${describe(['topicPolicyConfig', 'tierConfig'])}: Bedrock service tier, not used by aigis`,
      );
  }

  if (req.wordPolicyConfig) {
    policy.wordPolicy = {
      words: req.wordPolicyConfig.wordsConfig.map((w) => {
        const dir = pickDirectional(w);
        return Object.keys(dir).length > 0 ? { text: w.text, ...dir } : w.text;
      }),
      managedWordLists: req.wordPolicyConfig.managedWordListsConfig.map((m) => {
        const dir = pickDirectional(m);
        return (Object.keys(dir).length > 0 ? { type: m.type, ...dir } : m.type) as 'PROFANITY';
      }),
    };
  }

  if (req.sensitiveInformationPolicyConfig) {
    const s = req.sensitiveInformationPolicyConfig;
    policy.sensitiveInformationPolicy = {
      piiEntities: s.piiEntitiesConfig.map((e) => ({
        type: e.type,
        action: e.action,
        ...pickDirectional(e),
      })) as never,
      regexes: s.regexesConfig.map((r) => ({
        name: r.name,
        ...(r.description !== undefined ? { description: r.description } : {}),
        pattern: r.pattern,
        action: r.action,
        ...pickDirectional(r),
      })) as never,
    };
  }

  if (req.contextualGroundingPolicyConfig !== undefined)
    refuse(['contextualGroundingPolicyConfig'], 'aigis cannot run contextual grounding checks yet');
  if (req.automatedReasoningPolicyConfig !== undefined)
    refuse(['automatedReasoningPolicyConfig'], 'aigis cannot run automated reasoning checks yet');
  const raw = req as Record<string, unknown>;
  for (const key of IGNORED_TOP_LEVEL)
    if (raw[key] !== undefined) warnings.push(`${describe([key])}: not used by aigis; dropped`);

  return { policy: parsePolicy(policy, opts.label ?? 'imported policy'), warnings };
}

export interface ExportResult {
  request: CreateGuardrailRequest & {
    name: string;
    blockedInputMessaging: string;
    blockedOutputsMessaging: string;
  };
  /** What the policy sets that Bedrock cannot express (it is left out of the request). */
  warnings: string[];
}

const DEFAULTS = guardPolicySchema.parse({});

/** An aigis policy to a CreateGuardrail request; what Bedrock cannot express is listed in `warnings`. */
export function exportBedrockRequest(policy: GuardPolicy): ExportResult {
  const warnings: string[] = [];
  const request: ExportResult['request'] = {
    name: policy.name,
    ...(policy.description !== undefined ? { description: policy.description } : {}),
    blockedInputMessaging: policy.blockedInputMessaging,
    blockedOutputsMessaging: policy.blockedOutputsMessaging,
  };
  if (policy.contentPolicy && policy.contentPolicy.filters.length > 0) {
    request.contentPolicyConfig = {
      filtersConfig: policy.contentPolicy.filters.map((f, i) => {
        if (f.contextStrength !== undefined)
          warnings.push(
            `contentPolicy.filters[${i}].contextStrength: Bedrock has no separate strength for documents and tool results`,
          );
        return {
          type: f.type,
          inputStrength: f.inputStrength,
          outputStrength: f.outputStrength,
          ...pickDirectional(f),
        };
      }),
    };
  }
  if (policy.topicPolicy && policy.topicPolicy.topics.length > 0) {
    request.topicPolicyConfig = {
      topicsConfig: policy.topicPolicy.topics.map((t) => ({
        name: t.name,
        definition: t.definition,
        ...(t.examples.length > 0 ? { examples: t.examples } : {}),
        type: t.type,
        ...pickDirectional(t),
      })),
    };
  }
  if (
    policy.wordPolicy &&
    (policy.wordPolicy.words.length > 0 || policy.wordPolicy.managedWordLists.length > 0)
  ) {
    request.wordPolicyConfig = {
      ...(policy.wordPolicy.words.length > 0
        ? {
            wordsConfig: policy.wordPolicy.words.map((w) => (typeof w === 'string' ? { text: w } : { ...w })),
          }
        : {}),
      ...(policy.wordPolicy.managedWordLists.length > 0
        ? {
            managedWordListsConfig: policy.wordPolicy.managedWordLists.map((m) =>
              typeof m === 'string' ? { type: m } : { ...m },
            ),
          }
        : {}),
    };
  }
  const sip = policy.sensitiveInformationPolicy;
  if (sip && (sip.piiEntities.length > 0 || sip.regexes.length > 0)) {
    request.sensitiveInformationPolicyConfig = {
      ...(sip.piiEntities.length > 0 ? { piiEntitiesConfig: sip.piiEntities.map((e) => ({ ...e })) } : {}),
      ...(sip.regexes.length > 0 ? { regexesConfig: sip.regexes.map((r) => ({ ...r })) } : {}),
    };
  }

  if (policy.secrets)
    warnings.push(
      'secrets: Bedrock has no secret scanner (its nearest are the PII types AWS_ACCESS_KEY, AWS_SECRET_KEY, PASSWORD)',
    );
  if (policy.invisibleText) warnings.push('invisibleText: Bedrock does not detect invisible characters');
  if (policy.output) warnings.push('output: Bedrock has no URL allow-list or HTML check');
  if (policy.canary) warnings.push('canary: Bedrock has no canary tokens');
  if (policy.maxInputChars !== DEFAULTS.maxInputChars)
    warnings.push('maxInputChars: Bedrock applies its own size limits');
  if (policy.anonymization.mode !== 'tag')
    warnings.push(
      `anonymization.mode: Bedrock always anonymizes with tags such as {EMAIL}, not '${policy.anonymization.mode}'`,
    );
  if (
    !request.contentPolicyConfig &&
    !request.topicPolicyConfig &&
    !request.wordPolicyConfig &&
    !request.sensitiveInformationPolicyConfig
  )
    warnings.push('the policy has no part Bedrock can express; CreateGuardrail needs at least one policy');
  return { request, warnings };
}

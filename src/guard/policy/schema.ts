/**
 * The aigis guard policy. Its Bedrock part uses the names of the CreateGuardrail API
 * (camelCase, `...Config` suffixes dropped) so a policy moves to and from Amazon Bedrock
 * Guardrails without a dictionary; the fields after `sensitiveInformationPolicy` are what
 * aigis adds and Bedrock cannot express.
 */
import { z } from 'zod';
import { resolveEntityName } from '../pii/entities.js';
import { didYouMean } from '../../util/suggest.js';
import { checkCustomRegex } from './regex-safety.js';

/** The 31 Bedrock sensitive-information entity types (CreateGuardrail `GuardrailPiiEntityConfig.type`). */
export const BEDROCK_PII_TYPES = [
  'ADDRESS',
  'AGE',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'CA_HEALTH_NUMBER',
  'CA_SOCIAL_INSURANCE_NUMBER',
  'CREDIT_DEBIT_CARD_CVV',
  'CREDIT_DEBIT_CARD_EXPIRY',
  'CREDIT_DEBIT_CARD_NUMBER',
  'DRIVER_ID',
  'EMAIL',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'IP_ADDRESS',
  'LICENSE_PLATE',
  'MAC_ADDRESS',
  'NAME',
  'PASSWORD',
  'PHONE',
  'PIN',
  'SWIFT_CODE',
  'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
  'UK_NATIONAL_INSURANCE_NUMBER',
  'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER',
  'URL',
  'USERNAME',
  'US_BANK_ACCOUNT_NUMBER',
  'US_BANK_ROUTING_NUMBER',
  'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
  'US_PASSPORT_NUMBER',
  'US_SOCIAL_SECURITY_NUMBER',
  'VEHICLE_IDENTIFICATION_NUMBER',
] as const;
export type BedrockPiiType = (typeof BEDROCK_PII_TYPES)[number];

/** Content filter categories that need a content classifier aigis does not have yet. */
export const UNSUPPORTED_CONTENT_CATEGORIES = [
  'HATE',
  'INSULTS',
  'SEXUAL',
  'VIOLENCE',
  'MISCONDUCT',
] as const;

export const strengthSchema = z.enum(['NONE', 'LOW', 'MEDIUM', 'HIGH']);
export type Strength = z.infer<typeof strengthSchema>;
/** Bedrock's actions for PII and regexes; aigis also uses them for secrets, invisible text and output links. */
export const maskingActionSchema = z.enum(['BLOCK', 'ANONYMIZE', 'NONE']);
export type MaskingAction = z.infer<typeof maskingActionSchema>;
/** Bedrock's actions for content filters, topics and words. */
export const blockingActionSchema = z.enum(['BLOCK', 'NONE']);
export type BlockingAction = z.infer<typeof blockingActionSchema>;

/** Bedrock's per-direction switches: `action` applies to both, `inputAction`/`outputAction` override it. */
const directionalMasking = {
  action: maskingActionSchema.describe(
    'Action in both directions unless inputAction/outputAction say otherwise.',
  ),
  inputAction: maskingActionSchema.optional(),
  outputAction: maskingActionSchema.optional(),
  inputEnabled: z.boolean().optional(),
  outputEnabled: z.boolean().optional(),
};
const directionalBlocking = {
  inputAction: blockingActionSchema.optional(),
  outputAction: blockingActionSchema.optional(),
  inputEnabled: z.boolean().optional(),
  outputEnabled: z.boolean().optional(),
};

const contentFilterSchema = z
  .strictObject({
    type: z.enum(['PROMPT_ATTACK', ...UNSUPPORTED_CONTENT_CATEGORIES]),
    inputStrength: strengthSchema,
    outputStrength: strengthSchema.default('NONE'),
    /** aigis: strength for documents and tool results (direction `context`); defaults to inputStrength. */
    contextStrength: strengthSchema.optional(),
    ...directionalBlocking,
  })
  .superRefine((filter, ctx) => {
    const active =
      (filter.inputStrength !== 'NONE' && filter.inputEnabled !== false) ||
      (filter.outputStrength !== 'NONE' && filter.outputEnabled !== false);
    if (filter.type !== 'PROMPT_ATTACK' && active) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `aigis cannot judge the ${filter.type} content category yet; remove this filter or set its strengths to NONE (it is not silently ignored)`,
      });
    }
    if (filter.type === 'PROMPT_ATTACK' && filter.outputStrength !== 'NONE') {
      ctx.addIssue({
        code: 'custom',
        path: ['outputStrength'],
        message: 'PROMPT_ATTACK applies to input only (as in Bedrock); outputStrength must be NONE',
      });
    }
  });

// Bedrock's limits on topics, so that every aigis policy can be exported.
const topicSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(100)
    .regex(
      /^[0-9a-zA-Z\-_ !?.]+$/,
      'a topic name may use letters, digits, spaces and - _ ! ? . (Bedrock rule)',
    ),
  definition: z.string().min(1).max(200),
  examples: z.array(z.string().min(1).max(100)).max(5).default([]),
  type: z.literal('DENY').default('DENY'),
  ...directionalBlocking,
});

const wordSchema = z.union([
  z.string().min(1).max(100),
  z.strictObject({ text: z.string().min(1).max(100), ...directionalBlocking }),
]);

const managedWordListSchema = z.union([
  z.literal('PROFANITY'),
  z.strictObject({ type: z.literal('PROFANITY'), ...directionalBlocking }),
]);

const piiEntitySchema = z.strictObject({
  type: z.enum(BEDROCK_PII_TYPES, {
    error: (issue) => {
      const given = typeof issue.input === 'string' ? issue.input : JSON.stringify(issue.input);
      const bedrockName = typeof issue.input === 'string' ? resolveEntityName(issue.input) : undefined;
      return bedrockName
        ? `'${given}' is not a Bedrock PII type; write '${bedrockName}'`
        : `unknown PII type '${given}'${didYouMean(given, BEDROCK_PII_TYPES)}; Bedrock's 31 types are listed in the policy schema`;
    },
  }),
  ...directionalMasking,
});

const regexSchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    description: z.string().max(1000).optional(),
    pattern: z.string().min(1).max(500),
    ...directionalMasking,
  })
  .superRefine((regex, ctx) => {
    const problem = checkCustomRegex(regex.pattern);
    if (problem) ctx.addIssue({ code: 'custom', path: ['pattern'], message: problem });
  });

const refusedSection = (what: string) =>
  z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined)
        ctx.addIssue({ code: 'custom', message: `aigis cannot run ${what} yet; remove this section` });
    });

export const guardPolicySchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).default(1),
    name: z
      .string()
      .min(1)
      .max(50)
      .regex(/^[0-9a-zA-Z\-_]+$/, 'letters, digits, - and _ only (Bedrock rule)')
      .default('aigis-policy'),
    description: z.string().max(200).optional(),
    blockedInputMessaging: z
      .string()
      .min(1)
      .max(500)
      .default('Sorry, this request was blocked by the guard policy.'),
    blockedOutputsMessaging: z
      .string()
      .min(1)
      .max(500)
      .default('Sorry, this answer was blocked by the guard policy.'),
    contentPolicy: z
      .strictObject({ filters: z.array(contentFilterSchema).max(6) })
      .optional()
      .describe(
        'Bedrock contentPolicyConfig. Only PROMPT_ATTACK can be enabled; other categories are refused.',
      ),
    topicPolicy: z
      .strictObject({ topics: z.array(topicSchema).max(30) })
      .optional()
      .describe('Bedrock topicPolicyConfig: denied topics.'),
    wordPolicy: z
      .strictObject({
        words: z.array(wordSchema).max(10_000).default([]),
        managedWordLists: z.array(managedWordListSchema).max(1).default([]),
      })
      .optional()
      .describe('Bedrock wordPolicyConfig: custom words and phrases, managed PROFANITY list.'),
    sensitiveInformationPolicy: z
      .strictObject({
        piiEntities: z.array(piiEntitySchema).default([]),
        regexes: z.array(regexSchema).max(10).default([]),
      })
      .optional()
      .describe(
        'Bedrock sensitiveInformationPolicyConfig: the 31 PII types and custom regexes (RE2, no nested quantifiers).',
      ),
    contextualGroundingPolicy: refusedSection('contextual grounding checks (Bedrock GROUNDING/RELEVANCE)'),
    automatedReasoningPolicy: refusedSection('automated reasoning checks'),

    // ---- aigis additions (not expressible in Bedrock) ----
    /** Credentials and API keys (gitleaks rules). */
    secrets: z
      .strictObject(directionalMasking)
      .optional()
      .describe('aigis: credentials and API keys (gitleaks rules), also inside base64/hex/url-encoded text.'),
    /** Zero-width characters, bidi controls, Unicode tag characters, lone surrogates. ANONYMIZE removes them. */
    invisibleText: z
      .strictObject(directionalMasking)
      .optional()
      .describe(
        'aigis: zero-width characters, bidi controls, Unicode tag characters, lone surrogates; ANONYMIZE removes them.',
      ),
    /** Links and markup in model answers (direction output). */
    output: z
      .strictObject({
        /** Links to these domains (and their subdomains) pass; others get urlAction. */
        allowedDomains: z.array(z.string().min(1).max(253)).max(1000).default([]),
        urlAction: maskingActionSchema.default('NONE'),
        htmlAction: maskingActionSchema.default('NONE'),
      })
      .optional(),
    /** Canary tokens from guard.canary() (and these fixed ones) found in an answer. */
    canary: z
      .strictObject({
        action: blockingActionSchema.default('BLOCK'),
        tokens: z.array(z.string().min(8).max(200)).max(100).default([]),
      })
      .optional(),
    /** Longer texts are blocked without being scanned. */
    maxInputChars: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(100_000)
      .describe('aigis: longer texts are blocked without being scanned.'),
    anonymization: z
      .strictObject({
        /** tag `{EMAIL}` (Bedrock), mask `*****`, hash (salted sha256 prefix), token (reversible via the vault). */
        mode: z.enum(['tag', 'mask', 'hash', 'token']).default('tag'),
        /** direction output: put back the values that a token-mode input check took out. */
        restoreOnOutput: z.boolean().default(true),
      })
      .default({ mode: 'tag', restoreOnOutput: true }),
  })
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.contentPolicy?.filters.forEach((f, i) => {
      if (seen.has(f.type))
        ctx.addIssue({
          code: 'custom',
          path: ['contentPolicy', 'filters', i, 'type'],
          message: `${f.type} is listed twice`,
        });
      seen.set(f.type, i);
    });
    const pii = new Set<string>();
    policy.sensitiveInformationPolicy?.piiEntities.forEach((e, i) => {
      if (pii.has(e.type))
        ctx.addIssue({
          code: 'custom',
          path: ['sensitiveInformationPolicy', 'piiEntities', i, 'type'],
          message: `${e.type} is listed twice`,
        });
      pii.add(e.type);
    });
    const topics = new Set<string>();
    policy.topicPolicy?.topics.forEach((t, i) => {
      if (topics.has(t.name))
        ctx.addIssue({
          code: 'custom',
          path: ['topicPolicy', 'topics', i, 'name'],
          message: `${t.name} is listed twice`,
        });
      topics.add(t.name);
    });
  });

/** A validated policy with defaults filled in. */
export type GuardPolicy = z.output<typeof guardPolicySchema>;
/** What a user may write (defaults optional). */
export type GuardPolicyInput = z.input<typeof guardPolicySchema>;
export type PiiEntityConfig = GuardPolicy extends { sensitiveInformationPolicy?: infer S }
  ? NonNullable<S> extends { piiEntities: Array<infer E> }
    ? E
    : never
  : never;

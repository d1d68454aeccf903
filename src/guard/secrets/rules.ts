/**
 * The shipped secret rules: the gitleaks default rule set converted by
 * scripts/build-gitleaks-rules.ts into data/guard/secrets/gitleaks-rules.json (MIT, see
 * data/guard/secrets/LICENSE-gitleaks.txt). Validated once when first used.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../util/errors.js';
import { dataPath } from '../../util/paths.js';

const allowlistSchema = z.object({
  description: z.string().optional(),
  condition: z.enum(['OR', 'AND']),
  regexTarget: z.enum(['secret', 'match', 'line']),
  regexes: z.array(z.string()),
  stopwords: z.array(z.string()),
});

const windowSchema = z.object({
  linesBefore: z.number().int().nonnegative(),
  charsBefore: z.number().int().positive(),
  linesAfter: z.number().int().nonnegative(),
  charsAfter: z.number().int().positive(),
});

const ruleSchema = z.object({
  id: z.string().min(1),
  description: z.string(),
  regex: z.string().min(1),
  secretGroup: z.number().int().positive().optional(),
  entropy: z.number().positive().optional(),
  // Keywords are matched on ASCII-lowercased text; a non-ASCII keyword could never be found.
  keywords: z
    .array(
      z
        .string()
        .min(1)
        .regex(/^[\x20-\x7e]+$/, 'keywords must be printable ASCII'),
    )
    .min(1),
  allowlists: z.array(allowlistSchema),
  pathNote: z.string().optional(),
  /** `aigis` for rules we added; gitleaks otherwise. */
  origin: z.literal('aigis').optional(),
  window: windowSchema.optional(),
});

export const gitleaksRuleFileSchema = z.object({
  source: z.string(),
  generatedBy: z.string(),
  global: allowlistSchema,
  rules: z.array(ruleSchema).min(1),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});

export type SecretRule = z.infer<typeof ruleSchema>;
export type SecretAllowlist = z.infer<typeof allowlistSchema>;
export type GitleaksRuleFile = z.infer<typeof gitleaksRuleFileSchema>;

export const GITLEAKS_RULES_FILE = dataPath('guard', 'secrets', 'gitleaks-rules.json');

let cached: GitleaksRuleFile | undefined;

/** Parses and validates a rule file's JSON text; errors name the file and the field. */
export function parseRuleFile(jsonText: string, file: string): GitleaksRuleFile {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (e) {
    throw new InputError(`${file}: invalid JSON: ${(e as Error).message}`, { file, cause: e });
  }
  const parsed = gitleaksRuleFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new InputError(`${file}: ${field}: ${issue?.message ?? 'invalid'}`, { file, field });
  }
  return parsed.data;
}

/** The shipped gitleaks rules, read once. */
export function loadGitleaksRules(): GitleaksRuleFile {
  if (!cached) cached = parseRuleFile(readFileSync(GITLEAKS_RULES_FILE, 'utf8'), GITLEAKS_RULES_FILE);
  return cached;
}

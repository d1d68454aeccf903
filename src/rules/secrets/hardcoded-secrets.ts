/**
 * Finding hard-coded secrets in infrastructure values (environment variables, user data, lifecycle
 * scripts) for the `*_no_secrets` rules. Detection is the guard's gitleaks port plus one check of
 * its own: a credential-named variable (DB_PASSWORD, OPENAI_API_KEY...) set to a literal that looks
 * like a credential, which gitleaks' generic rule misses when the value has punctuation.
 *
 * Findings never carry the secret: only its first characters, masked.
 */
import { gunzipSync } from 'node:zlib';
import { detectSecrets } from '../../guard/secrets/index.js';
import {
  isResourceRef,
  isUnknown,
  PartlyKnownString,
  type Resource,
  type Unknown,
} from '../../resources/index.js';
import { fail, pass, unknown, type Outcome } from '../types.js';

/** Text beyond this per value is not scanned (user data is at most 16 KB, lifecycle scripts 16 KB). */
export const MAX_SCANNED_TEXT = 1024 * 1024;
const MAX_DECODED_BYTES = 4 * 1024 * 1024;

export interface SecretFinding {
  /** Where in the resource: `variable OPENAI_API_KEY`, `user data line 12`. */
  where: string;
  /** gitleaks rule id (e.g. `aws-access-token`) or `aigis-credential-variable`. */
  ruleId: string;
  masked: string;
}

/** The first 4 characters and an ellipsis, so a finding can be recognised but not reused. */
export function maskSecret(secret: string): string {
  const isQuote = (c: string | undefined): boolean => c === '"' || c === "'" || c === '`';
  let start = 0;
  while (start < secret.length && isQuote(secret[start])) start++;
  return `${secret.slice(start, start + 4)}…`;
}

/** The literal text of a value: a string, or the known pieces of a string built around unknown parts. */
export type LiteralText = { texts: string[] } | { unknown: Unknown };

/**
 * Strings built around values only known at deploy time keep their literal pieces (the loaders'
 * PartlyKnownString); the unknown parts are references set elsewhere, not hard-coded text.
 */
export function literalText(value: unknown): LiteralText | undefined {
  if (typeof value === 'string') return { texts: [value] };
  if (value instanceof PartlyKnownString) {
    const texts = value.literalParts.filter((p) => p.trim() !== '');
    return texts.length > 0 ? { texts } : { unknown: value };
  }
  if (isUnknown(value)) return { unknown: value };
  return undefined;
}

function looksLikeBase64(text: string): boolean {
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) continue;
    if (c === 61 /* = */) {
      if (++padding > 2) return false;
      continue;
    }
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (padding > 0 || !(alnum || c === 43 || c === 47)) return false;
  }
  return true;
}

/**
 * User data and lifecycle scripts are base64 (CloudFormation `!Base64` and Terraform
 * `base64encode()` are already decoded by the loaders; literal base64 is not) and may be gzipped,
 * which cloud-init accepts. Returns the text to scan: decoded when that yields text.
 */
export function decodeScript(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 8 || trimmed.length > MAX_SCANNED_TEXT * 2 || !looksLikeBase64(trimmed)) return text;
  const bytes = Buffer.from(trimmed, 'base64');
  let decoded: Buffer = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      decoded = gunzipSync(bytes, { maxOutputLength: MAX_DECODED_BYTES });
    } catch {
      return text;
    }
  }
  const out = decoded.toString('utf8');
  // Base64-looking text that is not base64 of text (a long hex token, a key) stays as it is.
  let printable = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    if ((c >= 0x20 && c !== 0xfffd && c !== 0x7f) || c === 9 || c === 10 || c === 13) printable++;
  }
  return out.length > 0 && printable / out.length > 0.95 ? out : text;
}

/** 1-based line of each offset; offsets in any order, text walked once. */
function linesOf(text: string, offsets: readonly number[]): number[] {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
  return offsets.map((offset) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}

/** Names that say the value is a credential (the last word decides: `DB_PASSWORD`, not `PASSWORD_LENGTH`). */
const CREDENTIAL_NAME =
  /(?:^|[_.-])(?:password|passwd|pwd|pass|secret|secret[_-]?key|secret[_-]?access[_-]?key|client[_-]?secret|api[_-]?key|apikey|access[_-]?key|private[_-]?key|token|auth[_-]?token|access[_-]?token|bearer[_-]?token|credentials?)$/i;
const CAMEL_CREDENTIAL_NAME =
  /(?:Password|Passwd|Secret|SecretKey|ApiKey|APIKey|AccessKey|PrivateKey|Token)$/;
/** Literals that are not secrets: references, placeholders, ARNs, URLs, paths, booleans, numbers. */
const NOT_A_SECRET_VALUE =
  /^(?:arn:|https?:\/\/|s3:\/\/|ssm:|secretsmanager:|\/|\.{0,2}\/|\$\{|\{\{resolve:|<.*>$|true$|false$|none$|null$|nil$|undefined$|\d+$|(?:your|my|example|sample|dummy|fake|test|placeholder|changeme|replace|xxx|todo|tbd|redacted|\*)[\w-]*$)/i;

/** Lower- or upper-case words and numbers joined by `-`, `_` or `.`: a resource name. */
const SLUG = /^(?:[a-z0-9]{1,12}(?:[-_.][a-z0-9]{1,12})+|[A-Z0-9]{1,12}(?:[-_.][A-Z0-9]{1,12})+)$/;

/** Whether `value` of a credential-named setting looks like the credential itself. */
function credentialLiteral(name: string, value: string): boolean {
  if (!CREDENTIAL_NAME.test(name) && !CAMEL_CREDENTIAL_NAME.test(name)) return false;
  const v = value.trim();
  if (v.length < 8 || v.length > 4096 || /\s/.test(v) || NOT_A_SECRET_VALUE.test(v)) return false;
  if (v.includes('${') || v.includes('{{resolve:')) return false;
  // A word or an identifier (`my-token-name`, `prod-db-2024`, `ProdDbSecret`) names a secret
  // rather than being one; hex groups (a UUID key) are kept.
  if (SLUG.test(v) && /[g-z]/i.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(v)).length;
  return classes >= 3 || (classes >= 2 && /\d/.test(v) && v.length >= 16);
}

/** `NAME=value`, `export NAME="value"`, `name: value` (one bounded name, one run of text: linear). */
const ASSIGNMENT = /^\s*(?:export\s+|set\s+)?([A-Za-z_][\w.-]{0,100})\s*[=:]\s*(.*)$/;

/** Secrets in a script or free text; `where` names it (`user data`), lines are added. */
export function findSecretsInText(text: string, where: string): SecretFinding[] {
  const scanned = text.length > MAX_SCANNED_TEXT ? text.slice(0, MAX_SCANNED_TEXT) : text;
  const matches = detectSecrets(scanned);
  const lines = linesOf(
    scanned,
    matches.map((m) => m.start),
  );
  const findings: SecretFinding[] = matches.map((m, i) => ({
    where: `${where} line ${lines[i]!}`,
    ruleId: m.ruleId,
    masked: maskSecret(scanned.slice(m.start, m.end)),
  }));
  const linesWithFindings = new Set(lines);
  // Shell and dotenv assignments (`export DB_PASSWORD='...'`) gitleaks' generic rule did not take.
  let lineNo = 0;
  for (const line of scanned.split('\n')) {
    lineNo++;
    if (linesWithFindings.has(lineNo)) continue;
    const assignment = ASSIGNMENT.exec(line.slice(0, 4096));
    if (!assignment) continue;
    const comment = assignment[2]!.search(/\s#/);
    const value = unquote((comment === -1 ? assignment[2]! : assignment[2]!.slice(0, comment)).trim());
    if (value !== undefined && credentialLiteral(assignment[1]!, value)) {
      findings.push({
        where: `${where} line ${lineNo}`,
        ruleId: 'aigis-credential-variable',
        masked: maskSecret(value),
      });
    }
  }
  return findings;
}

/**
 * The literal a script assigns, or undefined for anything else: an unquoted value with brackets,
 * parentheses or `$` is an expression (`os.environ["TOKEN"]`, `$(aws ssm ...)`, `$VAR`).
 */
function unquote(value: string): string | undefined {
  const q = value[0];
  if (q === '"' || q === "'") return value.length >= 2 && value.endsWith(q) ? value.slice(1, -1) : undefined;
  return /[()[\]{}$`]/.test(value) ? undefined : value;
}

/** Secrets in one named setting (an environment variable): gitleaks on `NAME="value"`, then the name check. */
export function findSecretInVariable(name: string, value: string, where: string): SecretFinding[] {
  const scanned = value.length > MAX_SCANNED_TEXT ? value.slice(0, MAX_SCANNED_TEXT) : value;
  const prefix = `${name}="`;
  const matches = detectSecrets(`${prefix}${scanned}"\n`);
  if (matches.length > 0) {
    return matches.map((m) => ({
      where,
      ruleId: m.ruleId,
      masked: maskSecret(`${prefix}${scanned}`.slice(Math.max(m.start, prefix.length), m.end)),
    }));
  }
  return credentialLiteral(name, scanned)
    ? [{ where, ruleId: 'aigis-credential-variable', masked: maskSecret(scanned) }]
    : [];
}

/** `{}` or `[]`: an environment block that sets nothing. */
export const isEmptyMap = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length === 0
    : typeof value === 'object' &&
      value !== null &&
      !isUnknown(value) &&
      !isResourceRef(value) &&
      Object.keys(value).length === 0;

export interface VariableScan {
  findings: SecretFinding[];
  /** The whole set of variables cannot be read (not single values: those are references set elsewhere). */
  unknown?: Unknown;
}

/**
 * Environment variables as a map (`{ NAME: value }`, Lambda) or a list of `{ Name, Value }` /
 * `{ name, value }` pairs (ECS). Values that are references, dynamic references or unknown are set
 * elsewhere, so they are not secrets in this resource.
 */
export function scanVariables(variables: unknown, where: (name: string) => string): VariableScan {
  if (variables === undefined || variables === null) return { findings: [] };
  if (isUnknown(variables)) return { findings: [], unknown: variables };
  const pairs: Array<[string, unknown]> = [];
  if (Array.isArray(variables)) {
    for (const item of variables) {
      if (isUnknown(item)) return { findings: [], unknown: item };
      if (typeof item !== 'object' || item === null || isResourceRef(item)) continue;
      const r = item as Record<string, unknown>;
      const name = r['Name'] ?? r['name'];
      pairs.push([typeof name === 'string' ? name : '', r['Value'] ?? r['value']]);
    }
  } else if (typeof variables === 'object' && !isResourceRef(variables)) {
    pairs.push(...Object.entries(variables as Record<string, unknown>));
  }
  const findings: SecretFinding[] = [];
  for (const [name, value] of pairs) {
    const text = literalText(typeof value === 'number' ? String(value) : value);
    if (!text || !('texts' in text)) continue;
    for (const t of text.texts) findings.push(...findSecretInVariable(name, t, where(name)));
  }
  return { findings };
}

/** The outcome of a scan: fail naming each finding (masked), unknown when nothing could be read, else pass. */
export function secretsOutcome(
  resource: Resource,
  findings: readonly SecretFinding[],
  unknowns: readonly Unknown[],
  what: string,
): Outcome {
  if (findings.length > 0) {
    const shown = findings
      .slice(0, 5)
      .map((f) => `${f.where}: ${f.ruleId} (${f.masked})`)
      .join('; ');
    const more = findings.length > 5 ? `; and ${findings.length - 5} more` : '';
    return fail(`${resource.address}: hard-coded secret in ${what}: ${shown}${more}`);
  }
  if (unknowns.length > 0)
    return unknown(`${resource.address}: ${what} cannot be decided statically: ${unknowns[0]!.reason}`);
  return pass(`${resource.address}: no hard-coded secret found in ${what}`);
}

/**
 * Scripts (user data, lifecycle configurations) as `[label, value]`: each value decoded from base64
 * when it is base64, then scanned. undefined values are absent; the outcome is not-applicable-free,
 * callers decide that before.
 */
export function scanScripts(
  resource: Resource,
  scripts: ReadonlyArray<readonly [string, unknown]>,
  what: string,
): Outcome {
  const findings: SecretFinding[] = [];
  const unknowns: Unknown[] = [];
  for (const [label, value] of scripts) {
    const text = literalText(value);
    if (!text) continue;
    if ('unknown' in text) {
      unknowns.push(text.unknown);
      continue;
    }
    // Pieces around unknown parts are scanned one by one: the parts between them are references.
    for (const t of text.texts) findings.push(...findSecretsInText(decodeScript(t), label));
  }
  return secretsOutcome(resource, findings, unknowns, what);
}

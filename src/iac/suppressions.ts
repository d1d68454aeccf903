import type { Suppression } from '../resources/types.js';
import type { LoadWarning } from './types.js';

// Both patterns are linear: one character class run, then the rest of the line.
const AIGIS_COMMENT = /aigis:skip=([A-Za-z0-9_.:-]+)(?:[ \t]+(.*))?/;
const CHECKOV_COMMENT = /checkov:skip=([A-Za-z0-9_]+)(?::(.*))?/;
const MAX_COMMENT_LINE = 2000;

/**
 * Suppressions written as comments inside a resource's block:
 * `# aigis:skip=<rule-id> <reason>` and `# checkov:skip=<CKV_ID>:<reason>`.
 * Only the part of a line after `#` counts, so a string value that mentions the syntax is ignored.
 */
export function suppressionsFromComments(lines: readonly string[]): Suppression[] {
  const out: Suppression[] = [];
  lines.forEach((rawLine) => {
    const start = commentStart(rawLine);
    if (start === -1) return;
    const comment = rawLine.slice(start, start + MAX_COMMENT_LINE);
    const aigis = AIGIS_COMMENT.exec(comment);
    if (aigis) out.push(withReason({ ruleId: aigis[1]!, origin: 'aigis' }, aigis[2]));
    const checkov = CHECKOV_COMMENT.exec(comment);
    if (checkov) out.push(withReason({ ruleId: checkov[1]!, origin: 'checkov' }, checkov[2]));
  });
  return out;
}

/**
 * Where a line's comment text starts (after `#` or `//`), or -1. A `#` inside a quoted string or
 * glued to a word (YAML needs a space before it) is not a comment.
 */
export function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && opensString(line, i)) quote = c;
    else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return i + 1;
    else if (c === '/' && line[i + 1] === '/' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t'))
      return i + 2;
  }
  return -1;
}

/** A quote starts a string only where a value starts (`key: 'x'`, `- "x"`, `a = "x"`), not in `it's`. */
function opensString(line: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (line[i] === ' ' || line[i] === '\t')) i--;
  return i < 0 || ':-[{,=('.includes(line[i]!);
}

function withReason(s: Suppression, reason: string | undefined): Suppression {
  const trimmed = reason?.trim();
  return trimmed ? { ...s, reason: trimmed } : s;
}

function entries(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Suppressions from a CloudFormation resource's Metadata: `aigis.skip[{id, reason}]`,
 * Checkov's `checkov.skip[{id, comment}]` and cdk-nag's `cdk_nag.rules_to_suppress[{id, reason}]`.
 */
export function suppressionsFromMetadata(metadata: unknown): Suppression[] {
  if (typeof metadata !== 'object' || metadata === null) return [];
  const m = metadata as Record<string, unknown>;
  const out: Suppression[] = [];
  const section = (key: string): Record<string, unknown> => {
    const v = m[key];
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  };
  for (const e of entries(section('aigis')['skip'])) {
    const id = text(e['id']);
    if (id) out.push(withReason({ ruleId: id, origin: 'aigis' }, text(e['reason']) ?? text(e['comment'])));
  }
  for (const e of entries(section('checkov')['skip'])) {
    const id = text(e['id']);
    if (id) out.push(withReason({ ruleId: id, origin: 'checkov' }, text(e['comment']) ?? text(e['reason'])));
  }
  for (const e of entries(section('cdk_nag')['rules_to_suppress'])) {
    const id = text(e['id']);
    // cdk-nag v3 acknowledges single findings as `AwsSolutions-IAM5[Action::s3:*]`; the rule is the part before `[`.
    if (id) out.push(withReason({ ruleId: id.replace(/\[.*$/s, ''), origin: 'cdk-nag' }, text(e['reason'])));
  }
  return out;
}

/** A suppression without a reason still applies, but the user hears about it. */
export function warnMissingReasons(
  suppressions: readonly Suppression[],
  file: string,
  line: number,
  address: string,
): LoadWarning[] {
  return suppressions
    .filter((s) => !s.reason)
    .map((s) => ({ file, line, message: `${address}: suppression of ${s.ruleId} has no reason` }));
}

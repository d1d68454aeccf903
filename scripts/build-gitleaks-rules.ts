/**
 * Converts the gitleaks default rule set (TOML, MIT, gitleaks/gitleaks) into the JSON that
 * `src/guard/secrets` loads at run time. Usage:
 *
 *   npx tsx scripts/build-gitleaks-rules.ts [path/to/gitleaks.toml]
 *
 * Every regex is compiled with re2js (the RE2 engine gitleaks itself uses, so Go syntax such as
 * `(?i)`, `(?-i:...)`, `\z` and `(?P<x>...)` keeps its meaning and matching stays linear-time).
 * What cannot be ported is listed in the output's `skipped` array with the reason.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RE2JS } from 're2js';
import { parse } from 'smol-toml';
import { z } from 'zod';

const DEFAULT_SOURCE = '/work/shared/data/secrets/gitleaks.toml';
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'guard', 'secrets');

const tomlAllowlist = z.object({
  description: z.string().optional(),
  condition: z.enum(['OR', 'AND']).optional(),
  regexTarget: z.enum(['secret', 'match', 'line']).optional(),
  regexes: z.array(z.string()).optional(),
  stopwords: z.array(z.string()).optional(),
  paths: z.array(z.string()).optional(),
  commits: z.array(z.string()).optional(),
});
const tomlRule = z.object({
  id: z.string(),
  description: z.string(),
  regex: z.string().optional(),
  path: z.string().optional(),
  secretGroup: z.number().int().nonnegative().optional(),
  entropy: z.number().nonnegative().optional(),
  keywords: z.array(z.string()).optional(),
  allowlists: z.array(tomlAllowlist).optional(),
});
const tomlConfig = z.object({
  allowlist: tomlAllowlist.optional(),
  rules: z.array(tomlRule),
});

type TomlAllowlist = z.infer<typeof tomlAllowlist>;

/**
 * How far around a keyword hit a rule's regex can reach. Most rules match within the line of the
 * keyword (plus a neighbour line for `key =\n value`); these ones span more lines by design.
 */
const WIDE_WINDOWS: Record<
  string,
  { linesBefore: number; charsBefore: number; linesAfter: number; charsAfter: number }
> = {
  'private-key': { linesBefore: 1, charsBefore: 512, linesAfter: 2000, charsAfter: 65_536 },
  'curl-auth-header': { linesBefore: 1, charsBefore: 512, linesAfter: 7, charsAfter: 4096 },
  'curl-auth-user': { linesBefore: 1, charsBefore: 512, linesAfter: 7, charsAfter: 4096 },
  // `data:` may come before or after `kind: Secret` (the keyword), each up to ~300 chars away.
  'kubernetes-secret-yaml': { linesBefore: 30, charsBefore: 2048, linesAfter: 30, charsAfter: 2048 },
};

/**
 * aigis additions (ours, Apache-2.0), for secrets prompts carry that the gitleaks defaults miss.
 * Marked with `origin: 'aigis'` in the output.
 */
const AIGIS_RULES = [
  {
    id: 'url-credentials',
    description:
      'A password in the user-info part of a URL (database or broker connection string, basic-auth URL).',
    regex:
      '(?i)\\b[a-z][a-z0-9+.-]{1,30}://[^\\s:/@"\'<>\\x60]{1,128}:([^\\s:/@"\'<>\\x60]{3,128})@[a-z0-9_.-]+',
    entropy: 2,
    keywords: ['://'],
    allowlists: [
      {
        condition: 'OR' as const,
        regexTarget: 'secret' as const,
        regexes: [
          '^\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?$',
          '^\\{\\{.*\\}\\}$',
          '^%[A-Za-z_]+%$',
          '^(?:\\*+|x+|X+|\\.+)$',
          '(?i)^(?:pass(?:word)?|passwd|pwd|changeme|secret|example|placeholder|test|admin|root|user|guest)$',
        ],
        stopwords: ['your_', 'your-', 'xxxx'],
      },
    ],
  },
];

/**
 * `^a|b|c$` anchors only the first and last alternatives, so upstream's global `(?i)^true|false|null$`
 * allows every secret that merely contains "false". The intent is the whole value: group it.
 */
function groupAnchoredAlternation(pattern: string): string {
  const flags = /^\(\?[a-z]+\)/.exec(pattern)?.[0] ?? '';
  const body = pattern.slice(flags.length);
  if (!body.startsWith('^') || !body.endsWith('$') || body.endsWith('\\$')) return pattern;
  const inner = body.slice(1, -1);
  let depth = 0;
  let inClass = false;
  let topLevelBar = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) topLevelBar = true;
  }
  return topLevelBar ? `${flags}^(?:${inner})$` : pattern;
}

function compiles(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

interface PortedAllowlist {
  description?: string;
  condition: 'OR' | 'AND';
  regexTarget: 'secret' | 'match' | 'line';
  regexes: string[];
  stopwords: string[];
}

/** Keeps the path-independent part of an allow-list; undefined when nothing of it applies to text. */
function portAllowlist(
  a: TomlAllowlist,
  where: string,
  skipped: Array<{ id: string; reason: string }>,
): PortedAllowlist | undefined {
  const condition = a.condition ?? 'OR';
  const hasPathOrCommit = (a.paths?.length ?? 0) > 0 || (a.commits?.length ?? 0) > 0;
  // With AND, a path/commit condition must also hold, which never happens for text without a file.
  if (condition === 'AND' && hasPathOrCommit) {
    skipped.push({ id: `${where} allowlist`, reason: 'AND-condition with paths/commits: needs a file path' });
    return undefined;
  }
  const regexes: string[] = [];
  for (const original of a.regexes ?? []) {
    const r = groupAnchoredAlternation(original);
    const err = compiles(r);
    if (err) skipped.push({ id: `${where} allowlist regex ${r}`, reason: err });
    else regexes.push(r);
  }
  const stopwords = (a.stopwords ?? []).map((s) => s.toLowerCase());
  if (regexes.length === 0 && stopwords.length === 0) return undefined;
  return {
    ...(a.description ? { description: a.description } : {}),
    condition,
    regexTarget: a.regexTarget ?? 'secret',
    regexes,
    stopwords,
  };
}

function main(): void {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  const raw = readFileSync(source, 'utf8');
  const parsed = tomlConfig.safeParse(parse(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`${source}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    process.exit(2);
  }
  const cfg = parsed.data;
  const skipped: Array<{ id: string; reason: string }> = [];
  const rules = [];
  for (const r of cfg.rules) {
    if (!r.regex) {
      skipped.push({
        id: r.id,
        reason: `path-only rule (${r.path ?? 'no regex'}): needs a file name, not text`,
      });
      continue;
    }
    const err = compiles(r.regex);
    if (err) {
      skipped.push({ id: r.id, reason: `regex does not compile under RE2: ${err}` });
      continue;
    }
    if (!r.keywords?.length) {
      skipped.push({ id: r.id, reason: 'no keywords: would run on every text' });
      continue;
    }
    const allowlists = (r.allowlists ?? [])
      .map((a) => portAllowlist(a, r.id, skipped))
      .filter((a): a is PortedAllowlist => a !== undefined);
    const wide = WIDE_WINDOWS[r.id];
    rules.push({
      id: r.id,
      description: r.description,
      regex: r.regex,
      ...(r.secretGroup ? { secretGroup: r.secretGroup } : {}),
      ...(r.entropy ? { entropy: r.entropy } : {}),
      keywords: [...new Set(r.keywords.map((k) => k.toLowerCase()))],
      allowlists,
      ...(r.path ? { pathNote: `gitleaks also requires path ${r.path}; ignored for text` } : {}),
      ...(wide ? { window: wide } : {}),
    });
  }
  for (const extra of AIGIS_RULES) {
    const err = compiles(extra.regex);
    if (err) throw new Error(`aigis rule ${extra.id}: ${err}`);
    rules.push({ ...extra, origin: 'aigis' });
  }
  const global = cfg.allowlist
    ? portAllowlist({ ...cfg.allowlist, paths: [] }, 'global', skipped)
    : undefined;
  const out = {
    source: 'gitleaks/gitleaks config/gitleaks.toml @ b58d3f1 (MIT, Copyright (c) 2019 Zachary Rice)',
    generatedBy: 'scripts/build-gitleaks-rules.ts',
    global: global ?? { condition: 'OR', regexTarget: 'secret', regexes: [], stopwords: [] },
    rules,
    skipped,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'gitleaks-rules.json'), JSON.stringify(out, null, 1) + '\n');
  console.log(`${rules.length} rules written, ${skipped.length} items skipped`);
  for (const s of skipped) console.log(`  skipped ${s.id}: ${s.reason}`);
}

main();

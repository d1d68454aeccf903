/**
 * The gitleaks detection loop for text without a file path: keyword prefilter, RE2 regex
 * (re2js, linear time), secret group, entropy threshold, global and rule allow-lists, and the
 * "generic finding inside a specific one" de-duplication.
 *
 * Speed: a rule's regex runs only on windows around its keyword hits (the keyword's line and
 * its neighbours, or wider for multi-line rules), first as a capture-free DFA test, and a
 * capturing match only where the test succeeds. Regexes compile on first use.
 */
import { RE2JS } from 're2js';
import type { SecretMatch } from '../types.js';
import { shannonEntropy } from './entropy.js';
import { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import type { GitleaksRuleFile, SecretAllowlist, SecretRule } from './rules.js';

/** Inputs longer than this are refused: callers should chunk (the guard limits requests far below). */
export const MAX_SECRET_SCAN_LENGTH = 16 * 1024 * 1024;

const DEFAULT_WINDOW = { linesBefore: 1, charsBefore: 512, linesAfter: 1, charsAfter: 1024 };
/**
 * The gitleaks rule template lets up to 3 + 5 characters of whitespace, quotes or `=` sit between
 * the identifier and the secret (`[\s'"]{0,3}` before the operator, `[\x60'"\s=]{0,5}` after it),
 * newlines included. A match can therefore cross lines made only of such characters: windows grow
 * by one line for each of them they contain, up to this many.
 */
const MAX_FILLER_LINES = 8;

/** A line holding only characters the rule template may skip between an identifier and its secret. */
function isFillerLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // space, \t, \r, \v, \f, ", ', `, =
    if (
      c !== 0x20 &&
      c !== 0x09 &&
      c !== 0x0d &&
      c !== 0x0b &&
      c !== 0x0c &&
      c !== 0x22 &&
      c !== 0x27 &&
      c !== 0x60 &&
      c !== 0x3d
    )
      return false;
  }
  return true;
}

interface CompiledAllowlist {
  condition: 'OR' | 'AND';
  target: 'secret' | 'match' | 'line';
  regexes: RE2JS[];
  stopwords: string[];
}

interface CompiledRule {
  rule: SecretRule;
  generic: boolean;
  /** gitleaks restricts the rule to some file types; without a path the match is less certain. */
  pathBound: boolean;
  linesBefore: number;
  charsBefore: number;
  linesAfter: number;
  charsAfter: number;
  regex?: RE2JS;
  allowlists?: CompiledAllowlist[];
}

export interface SecretScanner {
  readonly ruleCount: number;
  scan(text: string): SecretMatch[];
  /**
   * Compiles every rule now (about 1.5 ms each, ~330 ms for the default set) instead of on the
   * first text that contains its keywords: for servers that prefer a slow start to a slow
   * first request.
   */
  warmUp(): void;
  /** The same, one rule per event-loop turn, so a server can warm up while it already serves. */
  warmUpInBackground(): Promise<void>;
}

function compileAllowlist(a: SecretAllowlist): CompiledAllowlist {
  return {
    condition: a.condition,
    target: a.regexTarget,
    regexes: a.regexes.map((r) => RE2JS.compile(r)),
    stopwords: a.stopwords.map((s) => s.toLowerCase()),
  };
}

function isAllowed(
  lists: readonly CompiledAllowlist[],
  secret: string,
  match: string,
  line: string,
): boolean {
  let lowerSecret: string | undefined;
  for (const a of lists) {
    const target = a.target === 'secret' ? secret : a.target === 'match' ? match : line;
    const regexHit = a.regexes.length > 0 && a.regexes.some((r) => r.test(target));
    let stopHit = false;
    if (a.stopwords.length > 0) {
      lowerSecret ??= secret.toLowerCase();
      const s = lowerSecret;
      stopHit = a.stopwords.some((w) => s.includes(w));
    }
    if (a.condition === 'AND') {
      if ((a.regexes.length === 0 || regexHit) && (a.stopwords.length === 0 || stopHit)) return true;
    } else if (regexHit || stopHit) return true;
  }
  return false;
}

/** Index of the first element of the sorted array that is >= value. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Confidence of a finding: specific-format rules are near-certain, generic ones grow with entropy. */
function scoreFinding(rule: CompiledRule, entropy: number): number {
  const threshold = rule.rule.entropy ?? 0;
  if (rule.pathBound) return 0.5;
  if (rule.generic) {
    const margin = Math.min(1, Math.max(0, (entropy - threshold) / 1.5));
    return Math.round((0.55 + 0.35 * margin) * 1000) / 1000;
  }
  return threshold > 0 ? Math.round(Math.min(0.99, 0.9 + (entropy - threshold) / 20) * 1000) / 1000 : 0.9;
}

export interface SecretScannerOptions {
  /**
   * Run each triggered rule over the whole text instead of windows around its keywords: the
   * plain gitleaks semantics, slower; the windowed scan is tested against it.
   */
  wholeText?: boolean;
}

export function createSecretScanner(
  file: GitleaksRuleFile,
  options: SecretScannerOptions = {},
): SecretScanner {
  const rules: CompiledRule[] = file.rules.map((rule) => ({
    rule,
    generic: rule.id.startsWith('generic'),
    pathBound: rule.pathNote !== undefined,
    linesBefore: rule.window?.linesBefore ?? DEFAULT_WINDOW.linesBefore,
    charsBefore: rule.window?.charsBefore ?? DEFAULT_WINDOW.charsBefore,
    linesAfter: rule.window?.linesAfter ?? DEFAULT_WINDOW.linesAfter,
    charsAfter: rule.window?.charsAfter ?? DEFAULT_WINDOW.charsAfter,
  }));
  const keywordIds = new Map<string, number>();
  const keywordRules: number[][] = [];
  rules.forEach((r, ruleIndex) => {
    for (const kw of r.rule.keywords) {
      let id = keywordIds.get(kw);
      if (id === undefined) {
        id = keywordRules.length;
        keywordIds.set(kw, id);
        keywordRules.push([]);
      }
      keywordRules[id]!.push(ruleIndex);
    }
  });
  let automaton: KeywordAutomaton | undefined;
  let globalAllowlist: CompiledAllowlist[] | undefined;

  function scan(text: string): SecretMatch[] {
    if (text.length > MAX_SECRET_SCAN_LENGTH) {
      throw new RangeError(
        `detectSecrets: text of ${text.length} characters exceeds the limit of ${MAX_SECRET_SCAN_LENGTH}`,
      );
    }
    automaton ??= buildKeywordAutomaton([...keywordIds.keys()]);
    globalAllowlist ??= [compileAllowlist(file.global)];
    const newlines: number[] = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);

    // Per rule: hit start/end pairs, flattened.
    const hits = new Map<number, number[]>();
    automaton.scan(text, (kw, start, end) => {
      for (const r of keywordRules[kw]!) {
        let list = hits.get(r);
        if (!list) hits.set(r, (list = []));
        list.push(start, end);
      }
    });

    // Line j spans (newlines[j - 1] + 1) .. newlines[j] (the first line starts at 0, the last ends at text.length).
    const lineFrom = (j: number): number => (j <= 0 ? 0 : newlines[j - 1]! + 1);
    const lineTo = (j: number): number => (j < newlines.length ? newlines[j]! : text.length);
    const lineStartBefore = (pos: number, lines: number): number => {
      const hitLine = lowerBound(newlines, pos);
      let first = hitLine - lines;
      let budget = MAX_FILLER_LINES;
      for (let j = hitLine - 1; j >= first && j >= 0; j--)
        if (budget > 0 && isFillerLine(text, lineFrom(j), lineTo(j))) {
          first--;
          budget--;
        }
      const k = first - 1; // newline index before the wanted line
      return k < 0 ? 0 : newlines[k]! + 1;
    };
    const lineEndAfter = (pos: number, lines: number): number => {
      const hitLine = lowerBound(newlines, pos);
      let last = hitLine + lines;
      let budget = MAX_FILLER_LINES;
      for (let j = hitLine + 1; j <= last && j <= newlines.length; j++)
        if (budget > 0 && isFillerLine(text, lineFrom(j), lineTo(j))) {
          last++;
          budget--;
        }
      return last < newlines.length ? newlines[last]! : text.length;
    };

    const found: Array<SecretMatch & { generic: boolean }> = [];
    const sortedRules = [...hits.keys()].sort((a, b) => a - b);
    for (const ruleIndex of sortedRules) {
      const list = hits.get(ruleIndex)!;
      const cr = rules[ruleIndex]!;
      // Windows in hit order; hits come in order of their end, starts nearly so: merge overlaps.
      const windows: number[] = [];
      for (let h = 0; h < list.length; h += 2) {
        const hs = list[h]!;
        const he = list[h + 1]!;
        const ws = options.wholeText
          ? 0
          : Math.max(lineStartBefore(hs, cr.linesBefore), hs - cr.charsBefore, 0);
        const we = options.wholeText
          ? text.length
          : Math.min(lineEndAfter(he, cr.linesAfter), he + cr.charsAfter, text.length);
        const last = windows.length - 2;
        if (last >= 0 && ws <= windows[last + 1]!) {
          windows[last] = Math.min(windows[last]!, ws);
          windows[last + 1] = Math.max(windows[last + 1]!, we);
        } else windows.push(ws, we);
      }
      cr.regex ??= RE2JS.compile(cr.rule.regex);
      const regex = cr.regex;
      for (let w = 0; w < windows.length; w += 2) {
        const ws = windows[w]!;
        const we = windows[w + 1]!;
        const window = text.slice(ws, we);
        if (!regex.test(window)) continue;
        // A window cut inside a line makes `^`, `$` and `\b` true where the full text would not be.
        const cutStart = ws > 0 && text.charCodeAt(ws - 1) !== 10;
        const cutEnd = we < text.length && text.charCodeAt(we) !== 10;
        const m = regex.matcher(window);
        while (m.find()) {
          const ms = m.start();
          let me = m.end();
          if ((cutStart && ms === 0) || (cutEnd && me === window.length)) continue;
          while (me > ms && window.charCodeAt(me - 1) === 10) me--;
          if (me === ms) continue;
          let ss = ms;
          let se = me;
          const groups = m.groupCount();
          if (groups >= 1) {
            if (cr.rule.secretGroup !== undefined) {
              if (cr.rule.secretGroup > groups) continue;
              ss = m.start(cr.rule.secretGroup);
              se = m.end(cr.rule.secretGroup);
            } else {
              for (let g = 1; g <= groups; g++) {
                const gs = m.start(g);
                const ge = m.end(g);
                if (gs >= 0 && ge > gs) {
                  ss = gs;
                  se = ge;
                  break;
                }
              }
            }
          }
          if (ss < 0 || se <= ss) continue;
          const secret = window.slice(ss, se);
          const entropy = shannonEntropy(secret);
          if (cr.rule.entropy !== undefined && entropy <= cr.rule.entropy) continue;
          const matchText = window.slice(ms, me);
          const absStart = ws + ms;
          const absEnd = ws + me;
          const line = text.slice(
            lineStartBefore(absStart, 0),
            lineEndAfter(Math.max(absStart, absEnd - 1), 0),
          );
          if (isAllowed(globalAllowlist, secret, matchText, line)) continue;
          cr.allowlists ??= cr.rule.allowlists.map(compileAllowlist);
          if (isAllowed(cr.allowlists, secret, matchText, line)) continue;
          found.push({
            ruleId: cr.rule.id,
            description: cr.rule.description,
            start: ws + ss,
            end: ws + se,
            score: scoreFinding(cr, entropy),
            generic: cr.generic,
          });
        }
      }
    }
    return dedupe(found);
  }

  function warmUp(): void {
    automaton ??= buildKeywordAutomaton([...keywordIds.keys()]);
    globalAllowlist ??= [compileAllowlist(file.global)];
    for (const cr of rules) {
      cr.regex ??= RE2JS.compile(cr.rule.regex);
      cr.allowlists ??= cr.rule.allowlists.map(compileAllowlist);
    }
  }

  async function warmUpInBackground(): Promise<void> {
    automaton ??= buildKeywordAutomaton([...keywordIds.keys()]);
    globalAllowlist ??= [compileAllowlist(file.global)];
    for (const cr of rules) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      cr.regex ??= RE2JS.compile(cr.rule.regex);
      cr.allowlists ??= cr.rule.allowlists.map(compileAllowlist);
    }
  }

  return { ruleCount: rules.length, scan, warmUp, warmUpInBackground };
}

/**
 * gitleaks drops a generic finding when a specific rule found a secret containing it; several
 * rules matching the same span keep the most confident one.
 */
function dedupe(found: Array<SecretMatch & { generic: boolean }>): SecretMatch[] {
  const specific = found.filter((f) => !f.generic).sort((a, b) => a.start - b.start);
  const starts = specific.map((s) => s.start);
  const maxEndSoFar: number[] = [];
  specific.forEach((s, i) => maxEndSoFar.push(Math.max(s.end, i > 0 ? maxEndSoFar[i - 1]! : -1)));
  const covered = (f: SecretMatch): boolean => {
    const i = lowerBound(starts, f.start + 1) - 1; // last specific finding starting at or before f
    return i >= 0 && maxEndSoFar[i]! >= f.end;
  };
  const kept = found.filter((f) => !f.generic || !covered(f));
  kept.sort((a, b) => a.start - b.start || b.score - a.score || a.end - b.end);
  const out: SecretMatch[] = [];
  for (const f of kept) {
    const prev = out[out.length - 1];
    if (prev && prev.start === f.start && prev.end === f.end) continue;
    out.push({ ruleId: f.ruleId, description: f.description, start: f.start, end: f.end, score: f.score });
  }
  return out;
}

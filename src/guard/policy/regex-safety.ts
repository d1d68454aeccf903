/**
 * Custom regexes in a policy come from users and run over untrusted text, so they must run in
 * linear time whichever engine executes them: they must compile under RE2 (no backreferences,
 * no lookaround) and must not nest quantifiers (the shape of catastrophic backtracking in
 * backtracking engines such as JavaScript's).
 */
import { RE2JS } from 're2js';

/** Why the pattern is refused, or undefined when it is safe. */
export function checkCustomRegex(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern);
  } catch (err) {
    return `not a linear-time (RE2) regular expression: ${err instanceof Error ? err.message : String(err)}`;
  }
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return `not a valid JavaScript regular expression: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (hasNestedQuantifier(pattern))
    return 'nested quantifiers such as (a+)+ can backtrack catastrophically; rewrite without a quantified group that contains a quantifier';
  return undefined;
}

/** Whether a quantified group contains a quantifier of its own (star height > 1), e.g. `(\d+)*`, `(?:a|b+){2,}`. */
export function hasNestedQuantifier(pattern: string): boolean {
  // One frame per open group: does its body contain a repeating quantifier?
  const stack: boolean[] = [false];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      i = skipClass(pattern, i);
      continue;
    }
    if (ch === '(') {
      stack.push(false);
      i++;
      if (pattern[i] === '?') {
        // (?:  (?<name>  (?i)  — skip the group prefix so its ? is not read as a quantifier
        i++;
        if (pattern[i] === '<' || pattern[i] === 'P') {
          const close = pattern.indexOf('>', i);
          i = close < 0 ? i + 1 : close + 1;
        } else {
          while (i < pattern.length && /[a-zA-Z:=!-]/.test(pattern[i]!) && pattern[i] !== ')') {
            const c = pattern[i]!;
            i++;
            if (c === ':' || c === '=' || c === '!') break;
          }
        }
      }
      continue;
    }
    if (ch === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false;
      i++;
      // a quantifier right after this group
      const q = readQuantifier(pattern, i);
      if (q) {
        if (q.repeats && inner) return true;
        if (q.repeats) stack[stack.length - 1] = true;
        i = q.end;
      } else if (inner) {
        stack[stack.length - 1] = true;
      }
      continue;
    }
    const q = readQuantifier(pattern, i);
    if (q) {
      if (q.repeats) stack[stack.length - 1] = true;
      i = q.end;
      continue;
    }
    i++;
  }
  return false;
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** A quantifier at `i`; `repeats` is false for `?`, `{0,1}` and fixed counts such as `{3}`. */
function readQuantifier(pattern: string, i: number): { end: number; repeats: boolean } | undefined {
  const ch = pattern[i];
  let end: number;
  let repeats: boolean;
  if (ch === '*' || ch === '+') {
    end = i + 1;
    repeats = true;
  } else if (ch === '?') {
    end = i + 1;
    repeats = false;
  } else if (ch === '{') {
    const close = pattern.indexOf('}', i);
    if (close < 0) return undefined;
    const body = pattern.slice(i + 1, close);
    const m = /^(\d{1,6})(,(\d{0,6}))?$/.exec(body);
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    end = close + 1;
    // a fixed count such as {3} cannot split its input two ways, so it is not a source of ambiguity
    repeats = max > 1 && max !== min;
  } else return undefined;
  if (pattern[end] === '?' || pattern[end] === '+') end++; // lazy / possessive suffix
  return { end, repeats };
}

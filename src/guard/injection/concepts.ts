/**
 * The multilingual concept lexicon (data/guard/injection/concepts.json): words of many languages
 * mapped to concepts such as OVERRIDE, PRIOR or INSTRUCTIONS, so the classifier can use evidence
 * that does not depend on the language. Entries are normalized like the text they are matched
 * against; `word*` is a prefix; Chinese and Japanese entries are matched inside runs of text.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../util/errors.js';
import { dataPath } from '../../util/paths.js';
import { foldLeetspeak, normalizeForMatching } from '../normalize.js';

const lexiconSchema = z.record(
  z.string().regex(/^[A-Z_]+$/, 'concept names are upper case'),
  z.record(z.string().min(2), z.array(z.string().min(1))),
);

export interface ConceptHit {
  /** Index of the word unit the concept was found at. */
  position: number;
  /** Index of the concept (stable for a given lexicon file). */
  concept: number;
}

export interface CompiledLexicon {
  names: string[];
  exact: Map<string, number[]>;
  prefix: Map<string, number[]>;
  prefixLengths: number[];
  /** Longest exact entry in an unspaced script, in characters. */
  maxUnspaced: number;
}

/** Below this many characters a prefix would start too many unrelated words. */
const MIN_PREFIX = 4;

/** Hiragana, katakana and Han: scripts written without spaces between words. */
export function isUnspacedScript(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff);
}

function normalizeEntry(entry: string): string {
  // Most entries are plain lower-case ASCII words, which normalization leaves as they are.
  if (/^[a-z]+$/.test(entry)) return entry;
  return foldLeetspeak(normalizeForMatching(entry)).replace(/\s+/g, '');
}

function add(map: Map<string, number[]>, key: string, concept: number): void {
  const list = map.get(key) ?? [];
  if (!list.includes(concept)) list.push(concept);
  map.set(key, list);
}

export function compileLexicon(raw: unknown, file: string): CompiledLexicon {
  const parsed = lexiconSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid lexicon'}`);
  }
  const names = Object.keys(parsed.data).sort();
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  names.forEach((name, concept) => {
    for (const [language, words] of Object.entries(parsed.data[name] ?? {})) {
      for (const word of words) {
        const isPrefix = word.endsWith('*');
        const entry = normalizeEntry(isPrefix ? word.slice(0, -1) : word);
        if (entry.length === 0) continue;
        if (isPrefix) {
          if (entry.length < MIN_PREFIX)
            throw new InputError(
              `${file}: ${name}.${language}: prefix "${word}" is shorter than ${MIN_PREFIX}`,
            );
          add(prefix, entry, concept);
        } else add(exact, entry, concept);
      }
    }
  });
  return withLookupBounds(names, exact, prefix);
}

/** The lengths the matcher must try: prefix lengths, and the longest Chinese/Japanese entry. */
function withLookupBounds(
  names: string[],
  exact: Map<string, number[]>,
  prefix: Map<string, number[]>,
): CompiledLexicon {
  let maxUnspaced = 0;
  for (const key of exact.keys())
    if (isUnspacedScript(key.charCodeAt(0))) maxUnspaced = Math.max(maxUnspaced, key.length);
  const prefixLengths = [...new Set([...prefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  return { names, exact, prefix, prefixLengths, maxUnspaced };
}

/** The normalized lexicon as stored beside the model weights (no normalization at load time). */
function isConceptEntries(value: unknown): value is Array<[string, number[]]> {
  if (!Array.isArray(value)) return false;
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
    const list: unknown = entry[1];
    if (!Array.isArray(list)) return false;
    for (const x of list) if (!Number.isInteger(x) || (x as number) < 0) return false;
  }
  return true;
}

// A plain loop instead of zod's per-entry schema: thousands of entries are checked on every start-up.
const conceptEntries = z.custom<Array<[string, number[]]>>(
  isConceptEntries,
  'expected [word, concept indices] pairs',
);

export const serializedLexiconSchema = z.object({
  names: z.array(z.string()),
  exact: conceptEntries,
  prefix: conceptEntries,
});
export type SerializedLexicon = z.infer<typeof serializedLexiconSchema>;

export function serializeLexicon(compiled: CompiledLexicon): SerializedLexicon {
  return {
    names: compiled.names,
    exact: [...compiled.exact],
    prefix: [...compiled.prefix],
  };
}

export function lexiconFromSerialized(serialized: SerializedLexicon): CompiledLexicon {
  return withLookupBounds(serialized.names, new Map(serialized.exact), new Map(serialized.prefix));
}

let shipped: CompiledLexicon | undefined;

/**
 * The lexicon compiled from data/guard/injection/concepts.json (for training; a trained model
 * carries its own normalized copy, so scoring never pays for normalizing thousands of entries).
 */
export function lexicon(): CompiledLexicon {
  if (!shipped) {
    const file = dataPath('guard', 'injection', 'concepts.json');
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new InputError(`${file}: cannot read the concept lexicon: ${(e as Error).message}`);
    }
    shipped = compileLexicon(raw, file);
  }
  return shipped;
}

/** Concept names in index order. */
export function conceptNames(): readonly string[] {
  return lexicon().names;
}

/**
 * Concepts found in word units (tokens, with Chinese and Japanese as character bigrams), in order.
 * Each unit costs a bounded number of map lookups, so the pass is linear in the text.
 */
export function conceptSequence(
  units: readonly string[],
  compiled: CompiledLexicon = lexicon(),
): ConceptHit[] {
  const { exact, prefix, prefixLengths, maxUnspaced } = compiled;
  const hits: ConceptHit[] = [];
  const emit = (position: number, concepts: readonly number[] | undefined): void => {
    if (concepts) for (const concept of concepts) hits.push({ position, concept });
  };
  for (let k = 0; k < units.length; k++) {
    const unit = units[k] ?? '';
    if (unit.length === 2 && isUnspacedScript(unit.charCodeAt(0))) {
      // Bigram units overlap by one character: extend to the longer entries of the same run.
      let candidate = unit;
      emit(k, exact.get(candidate));
      for (let n = 1; candidate.length < maxUnspaced; n++) {
        const next = units[k + n];
        if (next?.length !== 2 || next[0] !== candidate[candidate.length - 1]) break;
        candidate += next[1] ?? '';
        emit(k, exact.get(candidate));
      }
      continue;
    }
    const concepts = exact.get(unit);
    if (concepts) {
      emit(k, concepts);
      continue;
    }
    for (const length of prefixLengths) {
      if (length > unit.length) break;
      const found = prefix.get(unit.slice(0, length));
      if (found) {
        emit(k, found);
        break;
      }
    }
  }
  return hits;
}

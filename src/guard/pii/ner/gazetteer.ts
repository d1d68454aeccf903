/** Word lists shipped in data/guard/pii/gazetteer.json, loaded once. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../../../util/paths.js';

// Lists of tens of thousands of words: checked with one pass each rather than a schema per item.
const wordList = z.custom<string[]>(
  (v) => Array.isArray(v) && v.every((w) => typeof w === 'string'),
  'expected a list of strings',
);
const GazetteerFile = z.object({
  firstNames: wordList,
  lastNames: wordList,
  cities: wordList,
  countries: wordList,
  states: wordList,
  streetWords: wordList,
  commonWords: wordList,
});

export interface Gazetteer {
  firstNames: ReadonlySet<string>;
  lastNames: ReadonlySet<string>;
  streetWords: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
  /** Multi-word places by their lower-case, space-joined form: 'C' city, 'K' country, 'S' state. */
  places: ReadonlyMap<string, string>;
  /** Longest place name in tokens. */
  maxPlaceTokens: number;
  /** First token of every place name, to skip n-gram look-ups that cannot match. */
  placeFirstWords: ReadonlySet<string>;
  /** The place names as a word trie, walked token by token without building n-gram strings. */
  placeTrie: PlaceNode;
}

export interface PlaceNode {
  readonly next: Map<string, PlaceNode>;
  /** Set when the words so far are a place: its entry in `places`. */
  flags?: string;
}

let cached: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const file = dataPath('guard', 'pii', 'gazetteer.json');
  const parsed = GazetteerFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const g = parsed.data;
  const places = new Map<string, string>();
  const placeFirstWords = new Set<string>();
  const placeTrie: PlaceNode = { next: new Map() };
  let maxPlaceTokens = 1;
  const addPlaces = (names: string[], flag: string): void => {
    for (const name of names) {
      const words = name.split(/[\s-]+/).filter(Boolean);
      const key = words.join(' ');
      places.set(key, (places.get(key) ?? '') + flag);
      placeFirstWords.add(words[0] ?? '');
      let node = placeTrie;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      node.flags = places.get(key);
      maxPlaceTokens = Math.max(maxPlaceTokens, Math.min(words.length, 5));
    }
  };
  addPlaces(g.cities, 'C');
  addPlaces(g.states, 'S');
  addPlaces(g.countries, 'K');
  cached = {
    firstNames: new Set(g.firstNames),
    lastNames: new Set(g.lastNames),
    streetWords: new Set(g.streetWords),
    commonWords: new Set(g.commonWords),
    places,
    maxPlaceTokens,
    placeFirstWords,
    placeTrie,
  };
  return cached;
}

/**
 * Features of the name/address token classifier. Word identities come from the text around the
 * slot, gazetteer flags and word shape from the token: the weights never memorise a person's name.
 */
import type { Gazetteer, PlaceNode } from './gazetteer.js';
import { KIND_NAMES, KIND_PUNCT, KIND_WORD, type Token, type TokenTable } from './tokenize.js';

export const LABELS = ['O', 'NAME', 'ADDRESS'] as const;
export type Label = (typeof LABELS)[number];

export interface TokenInfo {
  lower: string;
  shape: string;
  /** Gazetteer flags: F first name, L surname, C/K/S city/country/state (B = begins a multi-word place, I = inside), T street word, U unit word, N common word, Z postcode-like, H title. */
  flags: string;
  /** Capitalised, or a gazetteer hit that is not a common word: the classifier looks around it. */
  trigger: boolean;
  /** The (first part of the) word begins some place name in the gazetteer. */
  placeHead?: boolean;
  /** Index of `shape` in SHAPES. */
  shapeId?: number;
  /** A title word (flag H): "Mr", "Dr". */
  title?: boolean;
}

const TRIGGER_SHAPES = new Set(['X', 'A', 'C', 'U']);
const TRIGGER_FLAGS = /[FLBTUH]/;

/**
 * Capitalised words and gazetteer hits start the classifier, except common words that are no
 * gazetteer entry ("The", "I", "What" open most sentences; they are still classified when another
 * trigger is near).
 */
function isTrigger(shape: string, flags: string): boolean {
  const gazetteerHit = TRIGGER_FLAGS.test(flags);
  if (flags.includes('N')) return gazetteerHit && TRIGGER_SHAPES.has(shape);
  return gazetteerHit || TRIGGER_SHAPES.has(shape);
}

export const SHAPES = ['p', 'D', 'd', 'm', 'o', 'U', 'A', 'X', 'C', 'x'] as const;
const SHAPE_IDS = new Map<string, number>(SHAPES.map((shape, i) => [shape, i]));

const UNIT_WORDS = new Set([
  'zip',
  'zipcode',
  'postcode',
  'postal',
  'apt',
  'apartment',
  'suite',
  'ste',
  'unit',
  'floor',
  'fl',
  'flat',
  'room',
  'rm',
  'box',
  'po',
  'p.o',
  'building',
  'bldg',
  'dept',
  'lot',
  'space',
  'no',
  'nr',
  'piso',
  'étage',
]);
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'madam',
  'dame',
  'lord',
  'lady',
  'herr',
  'frau',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'señor',
  'señora',
  'sr',
  'sra',
  'rev',
  'capt',
  'captain',
  'officer',
  'judge',
]);

export function shapeOf(text: string): string {
  const first = text[0] ?? '';
  const hasDigit = /\d/.test(text);
  const hasLetter = /\p{L}/u.test(text);
  if (!hasLetter && !hasDigit) return 'p';
  if (hasDigit && !hasLetter) return text.length >= 5 ? 'D' : 'd';
  if (hasDigit) return 'm';
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  if (upper === lower) return 'o';
  if (text === upper) return text.length === 1 ? 'U' : 'A';
  if (first === first.toUpperCase() && first !== first.toLowerCase())
    return text.slice(1) === lower.slice(1) ? 'X' : 'C';
  return 'x';
}

/** Infos are shared between tokens of the same text: treat them as immutable. */
const infoCache = new Map<string, TokenInfo>();
const INFO_CACHE_LIMIT = 200_000;

function baseInfo(t: Token, gaz: Gazetteer): TokenInfo {
  const cached = infoCache.get(t.text);
  if (cached) return cached;
  const info = computeInfo(t.text, t.kind, gaz);
  // Long tokens (hashes, base64, minified code) are rare repeats and would pin memory.
  if (t.text.length <= MAX_CACHED_TOKEN) {
    if (infoCache.size >= INFO_CACHE_LIMIT) infoCache.clear();
    infoCache.set(t.text, info);
  }
  return info;
}

const MAX_CACHED_TOKEN = 64;

function computeInfo(text: string, kind: Token['kind'], gaz: Gazetteer): TokenInfo {
  const lower = text.toLowerCase();
  const shape = shapeOf(text);
  let flags = '';
  if (kind === 'word') {
    if (gaz.firstNames.has(lower)) flags += 'F';
    if (gaz.lastNames.has(lower)) flags += 'L';
    if (gaz.streetWords.has(lower)) flags += 'T';
    if (UNIT_WORDS.has(lower)) flags += 'U';
    if (gaz.commonWords.has(lower)) flags += 'N';
    if (TITLES.has(lower)) flags += 'H';
    if (lower.includes('-') && !flags.includes('F')) {
      const parts = lower.split('-');
      if (parts.some((p) => gaz.firstNames.has(p))) flags += 'f';
      if (parts.some((p) => gaz.lastNames.has(p))) flags += 'l';
    }
  } else if (kind === 'number') {
    if (text.length === 5 || text.length === 4) flags += 'Z';
  } else if (kind === 'alnum' && /^[A-Za-z]{1,2}\d[A-Za-z\d]?$|^\d[A-Za-z]{2}$/.test(text)) {
    flags += 'Z';
  }
  let placeHead = false;
  if (kind === 'word') {
    const head = lower.includes('-') ? lower.replace(/-/g, ' ') : lower;
    const space = head.indexOf(' ');
    placeHead = gaz.placeFirstWords.has(space < 0 ? head : head.slice(0, space));
  }
  return {
    lower,
    shape,
    flags,
    trigger: isTrigger(shape, flags),
    placeHead,
    shapeId: SHAPE_IDS.get(shape) ?? 0,
    title: flags.includes('H'),
  };
}

/**
 * Token infos interned by the hash that `tokenTable` computes while it scans: a repeated token
 * costs one probe and a character comparison, with no substring, no lower-casing and no string
 * hashing. Every info handed out gets an id, its index in `registry`, so that per-token arrays
 * are typed arrays of ids (no object arrays of the text's length for the GC to trace).
 *
 * Slots hold (hash, id + 1) pairs side by side, so a probe reads one cache line; the table starts
 * small (the few thousand distinct words of most texts stay in cache) and doubles when half full.
 * Fibonacci hashing spreads the polynomial hashes of short words, which are small numbers.
 */
const MIN_INTERN_BITS = 14;
let internBits = MIN_INTERN_BITS;
let internSlots = new Int32Array(2 << internBits);
let interned = 0;
/** Infos by id; `registryTexts[id]` is the token text of interned ones. */
let registry: TokenInfo[] = [];
let registryTexts: string[] = [];
let registryEpoch = 0;
let internGazetteer: Gazetteer | undefined;
let punctIds = new Int32Array(128).fill(-1);
let derivedIds = new Map<number, Map<string, number>>();

function slotOf(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - internBits);
}

/** Starts a new registry; ids handed out before are void (callers check `infoRegistry().epoch`). */
function clearRegistry(): void {
  internBits = MIN_INTERN_BITS;
  internSlots = new Int32Array(2 << internBits);
  interned = 0;
  registry = [];
  registryTexts = [];
  punctIds = new Int32Array(128).fill(-1);
  derivedIds = new Map();
  registryEpoch++;
}

function register(info: TokenInfo, text: string): number {
  registry.push(info);
  registryTexts.push(text);
  return registry.length - 1;
}

function growInterned(): void {
  const old = internSlots;
  internBits++;
  internSlots = new Int32Array(2 << internBits);
  const mask = (1 << internBits) - 1;
  for (let at = 0; at < old.length; at += 2) {
    const entry = old[at + 1] as number;
    if (entry === 0) continue;
    const hash = old[at] as number;
    let slot = slotOf(hash);
    while (internSlots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    internSlots[2 * slot] = hash;
    internSlots[2 * slot + 1] = entry;
  }
}

function sameText(text: string, start: number, end: number, candidate: string): boolean {
  if (candidate.length !== end - start) return false;
  for (let k = 0; k < candidate.length; k++)
    if (text.charCodeAt(start + k) !== candidate.charCodeAt(k)) return false;
  return true;
}

function internedId(
  text: string,
  start: number,
  end: number,
  hash: number,
  kind: number,
  gaz: Gazetteer,
): number {
  // Long tokens (hashes, base64, minified code) are rare repeats and would pin memory.
  if (end - start > MAX_CACHED_TOKEN)
    return register(computeInfo(text.slice(start, end), KIND_NAMES[kind] ?? 'punct', gaz), '');
  const slots = internSlots;
  const mask = (1 << internBits) - 1;
  let slot = slotOf(hash);
  for (;;) {
    const entry = slots[2 * slot + 1] as number;
    if (entry === 0) break;
    if (slots[2 * slot] === hash && sameText(text, start, end, registryTexts[entry - 1] as string))
      return entry - 1;
    slot = (slot + 1) & mask;
  }
  const value = text.slice(start, end);
  const id = register(computeInfo(value, KIND_NAMES[kind] ?? 'punct', gaz), value);
  interned++;
  if (2 * interned > 1 << internBits) {
    growInterned();
  } else {
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = id + 1;
    return id;
  }
  const table = internSlots;
  const tableMask = (1 << internBits) - 1;
  slot = slotOf(hash);
  while (table[2 * slot + 1] !== 0) slot = (slot + 1) & tableMask;
  table[2 * slot] = hash;
  table[2 * slot + 1] = id + 1;
  return id;
}

const PUNCT: number = KIND_PUNCT;
const WORD: number = KIND_WORD;

/** Id of the info of token i of the table (before place flags). */
function tokenInfoId(text: string, table: TokenTable, gaz: Gazetteer, i: number): number {
  const from = table.start[i] as number;
  const kind = table.kind[i] as number;
  const code = text.charCodeAt(from);
  // One ASCII punctuation character: its info never changes, no probe needed.
  if (kind === PUNCT && code < 128) {
    const known = punctIds[code] as number;
    if (known >= 0) return known;
    const id = register(computeInfo(String.fromCharCode(code), 'punct', gaz), '');
    punctIds[code] = id;
    return id;
  }
  return internedId(text, from, table.end[i] as number, table.hash[i] as number, kind, gaz);
}

/** The info `id` with place flags added, one id per (info, flags) so that caches by id keep working. */
function withPlaceFlags(id: number, added: string): number {
  let byFlags = derivedIds.get(id);
  if (!byFlags) {
    byFlags = new Map();
    derivedIds.set(id, byFlags);
  }
  let derived = byFlags.get(added);
  if (derived === undefined) {
    const info = registry[id] as TokenInfo;
    const flags = info.flags + added;
    derived = register({ ...info, flags, trigger: isTrigger(info.shape, flags) }, '');
    byFlags.set(added, derived);
  }
  return derived;
}

/** The infos of the ids of `tableInfoIds`; valid while `epoch` does not change. */
export function infoRegistry(): { infos: readonly TokenInfo[]; epoch: number } {
  return { infos: registry, epoch: registryEpoch };
}

/**
 * `tokenInfos` for a token table, as ids into `infoRegistry().infos`: the same infos, token for
 * token. Ids stay valid during the call and until a later call starts a new registry.
 */
export function tableInfoIds(text: string, table: TokenTable, gaz: Gazetteer): Int32Array {
  // Cleared only between calls, so the ids of one call never go stale during it.
  if (internGazetteer !== gaz || registry.length >= INFO_CACHE_LIMIT) {
    clearRegistry();
    internGazetteer = gaz;
  }
  const count = table.count;
  const ids = new Int32Array(count);
  const { kind, newlineBefore } = table;
  for (let i = 0; i < count; i++) ids[i] = tokenInfoId(text, table, gaz, i);
  const infos = registry;
  for (let i = 0; i < count; i++) {
    if (!(infos[ids[i] as number] as TokenInfo).placeHead) continue;
    // The longest place starting here, walked in the word trie (the key of tokenInfos, unbuilt).
    let node: PlaceNode | undefined = gaz.placeTrie;
    let best = 0;
    let bestFlags = '';
    for (let n = 1; n <= gaz.maxPlaceTokens && i + n - 1 < count; n++) {
      const at = i + n - 1;
      if (n > 1 && (node.next.size === 0 || kind[at] !== WORD || newlineBefore[at])) break;
      const lower: string = (infos[ids[at] as number] as TokenInfo).lower;
      if (lower.includes('-')) {
        for (const part of lower.split('-')) {
          node = node?.next.get(part);
          if (!node) break;
        }
      } else {
        node = node.next.get(lower);
      }
      if (!node) break;
      if (node.flags) {
        best = n;
        bestFlags = node.flags;
      }
    }
    for (let k = 0; k < best; k++)
      ids[i + k] = withPlaceFlags(ids[i + k] as number, (k === 0 ? 'B' : 'I') + bestFlags);
  }
  return ids;
}

/** `tokenInfos` for a token table: the same infos, token for token. */
export function tableInfos(text: string, table: TokenTable, gaz: Gazetteer): TokenInfo[] {
  const ids = tableInfoIds(text, table, gaz);
  return Array.from(ids, (id) => registry[id] as TokenInfo);
}

export function tokenInfos(tokens: readonly Token[], gaz: Gazetteer): TokenInfo[] {
  const infos: TokenInfo[] = tokens.map((t) => baseInfo(t, gaz));
  // Multi-word places: the longest gazetteer n-gram starting at each word marks B then I.
  for (let i = 0; i < tokens.length; i++) {
    const ti = tokens[i];
    const info = infos[i];
    if (!ti || !info?.placeHead) continue;
    let key = info.lower.includes('-') ? info.lower.replace(/-/g, ' ') : info.lower;
    let best = 0;
    let bestFlags = '';
    for (let n = 1; n <= gaz.maxPlaceTokens && i + n - 1 < tokens.length; n++) {
      if (n > 1) {
        const next = tokens[i + n - 1];
        if (!next || next.kind !== 'word' || next.newlineBefore) break;
        key += ' ' + (infos[i + n - 1]?.lower ?? '').replace(/-/g, ' ');
      }
      const hit = gaz.places.get(key);
      if (hit) {
        best = n;
        bestFlags = hit;
      }
    }
    for (let k = 0; k < best; k++) {
      const target = infos[i + k];
      if (!target) continue;
      const flags = target.flags + (k === 0 ? 'B' : 'I') + bestFlags;
      infos[i + k] = { ...target, flags, trigger: isTrigger(target.shape, flags) };
    }
  }
  return infos;
}

export const OFFSETS = [-2, -1, 0, 1, 2] as const;

/** Features that depend only on one token and on where it stands relative to the classified one. */
export function ownFeatures(
  kind: Token['kind'],
  info: TokenInfo,
  offset: number,
  knowsWord: (lower: string) => boolean,
  out: string[],
): void {
  if (offset === 0) {
    out.push('b', `s=${info.shape}`);
    if (knowsWord(info.lower)) out.push(`w=${info.lower}`);
    const letters = info.lower.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 4) out.push(`suf=${letters.slice(-3)}`, `pre=${letters.slice(0, 2)}`);
    if (kind === 'number') out.push(`nd=${Math.min(info.lower.length, 7)}`);
    for (const flag of info.flags) out.push(`g=${flag}`);
    out.push(`gs=${info.flags.replace(/[BI]/g, '')}|${info.shape}`);
    return;
  }
  out.push(knowsWord(info.lower) ? `w${offset}=${info.lower}` : `s${offset}=${info.shape}`);
  if (offset === 1 || offset === -1) {
    for (const flag of info.flags) out.push(`g${offset}=${flag}`);
  } else {
    for (const flag of info.flags) if ('TUHZ'.includes(flag)) out.push(`g${offset}=${flag}`);
  }
}

/** Features that relate the token to its neighbours or to the labels already given. */
export function pairFeatures(
  tokens: readonly Token[],
  infos: readonly TokenInfo[],
  i: number,
  prev1: Label,
  prev2: Label,
  out: string[],
): void {
  const t = tokens[i] as Token;
  const info = infos[i] as TokenInfo;
  out.push(`p1=${prev1}`, `p12=${prev1}|${prev2}`);
  if (t.newlineBefore) out.push('nl');
  const prevTok = tokens[i - 1];
  // Anchored: a lone high surrogate makes a two-unit punctuation token ("\ud800\"") that is no sentence start.
  if (!prevTok || (prevTok.kind === 'punct' && /^[.!?:;"“]$/.test(prevTok.text)) || t.newlineBefore)
    out.push('start');
  const prevInfo = infos[i - 1];
  if (prevInfo) out.push(`sh-1=${prevInfo.shape}|${info.shape}`);
  const nextInfo = infos[i + 1];
  if (nextInfo) out.push(`sh1=${nextInfo.shape}|${info.shape}`);
  if (tokens[i + 1]?.newlineBefore) out.push('nl+1');
  for (const offset of OFFSETS) if (offset !== 0 && !tokens[i + offset]) out.push(`w${offset}=<edge>`);
}

/** All features of token i; `prev1`/`prev2` are the labels already given to the previous tokens. */
export function featuresAt(
  tokens: readonly Token[],
  infos: readonly TokenInfo[],
  i: number,
  prev1: Label,
  prev2: Label,
  knowsWord: (lower: string) => boolean,
): string[] {
  const out: string[] = [];
  for (const offset of OFFSETS) {
    const tok = tokens[i + offset];
    const info = infos[i + offset];
    if (tok && info) ownFeatures(tok.kind, info, offset, knowsWord, out);
  }
  pairFeatures(tokens, infos, i, prev1, prev2, out);
  return out;
}

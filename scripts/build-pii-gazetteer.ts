/**
 * Builds data/guard/pii/gazetteer.json from @faker-js/faker's locale data (MIT), the IANA time
 * zone names built into Node and word counts over the benign prompt sets in shared/: first names,
 * surnames, cities, countries, states, street words and common English words (evidence *against*
 * a name). Run: npx tsx scripts/build-pii-gazetteer.ts
 *
 * Names of the locales in HELD_OUT_NAME_LOCALES are left out on purpose: bench/pii.ts fills its
 * held-out set with them, to measure names the gazetteer has never seen.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allFakers } from '@faker-js/faker';
import { dataPath } from '../src/util/paths.js';
import { HELD_OUT_NAME_LOCALES, sharedDataDir } from './build-pii-synth.js';

const STREET_LOCALES = new Set([
  'en',
  'en_GB',
  'en_AU',
  'en_CA',
  'en_US',
  'en_IE',
  'fr',
  'es',
  'it',
  'pt_BR',
  'pt_PT',
  'de',
]);

type Tree = string | Tree[] | { [key: string]: Tree } | null | undefined | number | boolean;

function strings(value: Tree): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const clean = (s: string): string => s.normalize('NFC').trim().toLowerCase();
const isPlainName = (s: string): boolean =>
  /^[\p{L}\p{M}][\p{L}\p{M}' .-]{0,40}$/u.test(s) && !s.includes('{{') && !s.includes('#');

const first = new Set<string>();
const last = new Set<string>();
const cities = new Set<string>();
const countries = new Set<string>();
const states = new Set<string>();
const street = new Set<string>();
const common = new Set<string>();

for (const [locale, faker] of Object.entries(allFakers)) {
  const defs = faker.rawDefinitions as Record<string, Record<string, Tree> | undefined>;
  const person = defs.person ?? {};
  const location = defs.location ?? {};
  if (!HELD_OUT_NAME_LOCALES.includes(locale)) {
    for (const n of strings(person.first_name).concat(strings(person.middle_name)))
      if (isPlainName(n)) first.add(clean(n));
    for (const n of strings(person.last_name)) if (isPlainName(n)) last.add(clean(n));
  }
  // Two- and three-letter Latin-script city names are mostly ordinary words elsewhere ("Ulm" aside).
  for (const c of strings(location.city_name))
    if (isPlainName(c) && (c.length > 3 || !/^[A-Za-z]+$/.test(c))) cities.add(clean(c));
  for (const s of strings(location.state)) if (isPlainName(s)) states.add(clean(s));
  for (const s of strings(location.county)) if (isPlainName(s) && s.length > 3) states.add(clean(s));
  if (STREET_LOCALES.has(locale)) {
    for (const s of strings(location.street_suffix).concat(strings(location.street_prefix))) {
      if (isPlainName(s) && s.length < 16 && !s.includes(' ')) street.add(clean(s));
    }
  }
  if (locale === 'en') {
    for (const c of strings(location.country)) countries.add(clean(c));
    for (const w of strings(defs.word as Tree)) if (/^[a-z]+$/.test(w)) common.add(w);
  }
}

for (const zone of Intl.supportedValuesOf('timeZone')) {
  const city = zone.split('/').pop() ?? '';
  if (city && !/^(GMT|UTC|UCT)/.test(city)) cities.add(clean(city.replace(/_/g, ' ')));
}

const EXTRA_COUNTRIES = [
  'usa',
  'us',
  'u.s.',
  'u.s.a.',
  'united states',
  'united states of america',
  'uk',
  'u.k.',
  'britain',
  'great britain',
  'england',
  'scotland',
  'wales',
  'northern ireland',
  'holland',
  'south korea',
  'north korea',
  'russia',
  'vietnam',
  'czechia',
  'ivory coast',
  'uae',
  'the netherlands',
  'republic of the congo',
  'democratic republic of the congo',
  'palestine',
  'taiwan',
  'macedonia',
  'burma',
  'east timor',
  'vatican city',
];
for (const c of EXTRA_COUNTRIES) countries.add(c);

const STREET_WORDS = [
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'av',
  'boulevard',
  'blvd',
  'lane',
  'ln',
  'drive',
  'dr',
  'court',
  'ct',
  'place',
  'pl',
  'square',
  'sq',
  'terrace',
  'way',
  'parkway',
  'pkwy',
  'highway',
  'hwy',
  'close',
  'crescent',
  'grove',
  'gardens',
  'mews',
  'row',
  'walk',
  'hill',
  'rue',
  'allée',
  'chemin',
  'impasse',
  'quai',
  'via',
  'viale',
  'piazza',
  'corso',
  'calle',
  'avenida',
  'rua',
  'travessa',
  'strasse',
  'straße',
  'str',
  'weg',
  'gasse',
  'platz',
  'allee',
  'ring',
  'damm',
  'ufer',
  'straat',
  'laan',
  'gracht',
  'plein',
  'gade',
  'vej',
  'gatan',
  'vägen',
  'katu',
  'tie',
  'ulica',
  'ul',
  'utca',
  'út',
  'carrer',
  'paseo',
  'camino',
  'estrada',
  'alameda',
  'plaza',
  'pike',
  'trail',
  'loop',
  'circle',
  'cir',
  'expressway',
  'freeway',
  'turnpike',
  'broadway',
  'route',
];
for (const w of STREET_WORDS) street.add(w);

// Frequent English words; together with faker's word lists they tell "May", "Will" or "Rose" in
// ordinary use apart from the same word as a name (the classifier weighs both).
const FUNCTION_WORDS = `a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves hello hi dear thanks thank please regards best sincerely yes okay ok sure new old good great big small first last next today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december morning evening night week month year day time people man woman child family friend team company office bank card account number address email phone name street city state country home work school hospital doctor customer service support manager help order payment money price call send meet visit live move go come get make take give know think see look want need use find tell ask try leave feel become put mean keep let begin seem show hear play run believe bring happen write provide sit stand lose pay include continue set learn change lead understand watch follow stop create speak read allow add spend grow open walk win offer remember love consider appear buy wait serve die build stay fall cut reach kill remain suggest raise pass sell require report decide pull`;
for (const w of FUNCTION_WORDS.split(/\s+/)) common.add(w);

// Nationalities and languages name groups of people, not a person or a place.
const DEMONYMS = `american british english german french spanish italian portuguese dutch swedish norwegian danish finnish polish russian ukrainian czech greek turkish arabic chinese japanese korean vietnamese thai indian pakistani brazilian mexican canadian australian irish scottish welsh african european asian latin hispanic jewish christian muslim hindu buddhist catholic protestant swiss austrian belgian hungarian romanian bulgarian serbian croatian persian hebrew egyptian nigerian kenyan filipino indonesian malaysian argentinian chilean colombian peruvian cuban`;
for (const w of DEMONYMS.split(/\s+/)) common.add(w);

// Inflected forms: "decides" and "villages" are as common as "decide" and "village".
for (const word of [...common]) {
  if (word.length < 3) continue;
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  common.add(
    /(s|x|z|ch|sh)$/.test(word)
      ? `${word}es`
      : word.endsWith('y') && !/[aeiou]y$/.test(word)
        ? `${word.slice(0, -1)}ies`
        : `${word}s`,
  );
  common.add(word.endsWith('e') ? `${word}d` : `${word}ed`);
  common.add(`${stem}ing`);
}

// Words that ordinary prompts use in lower case mid-sentence are common words, not names. Counted
// on benign prompt sets in shared/ (Apache-2.0, MIT, CC0; see MANIFEST.md); only the words are kept.
const lowerCounts = new Map<string, number>();
const capitalCounts = new Map<string, number>();
for (const file of [
  'train_self_instruct.jsonl',
  'train_gpteacher.jsonl',
  'train_fuzzyai_benign.jsonl',
  'train_awesome_chatgpt_prompts.jsonl',
]) {
  const path = join(sharedDataDir(), 'data', 'benign', file);
  if (!existsSync(path)) continue;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const text = (JSON.parse(line) as { text?: unknown }).text;
    if (typeof text !== 'string') continue;
    for (const m of text.matchAll(/(?<=[a-z,;] )[A-Za-z]{3,20}\b/g)) {
      const word = m[0];
      const key = word.toLowerCase();
      const counts = word === key ? lowerCounts : capitalCounts;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
}
for (const [word, count] of lowerCounts) {
  if (count >= 3 && count >= 4 * (capitalCounts.get(word) ?? 0)) common.add(word);
}

const sorted = (s: Set<string>): string[] => [...s].filter((x) => x.length >= 2).sort();
const gazetteer = {
  source:
    'Built by scripts/build-pii-gazetteer.ts from @faker-js/faker locale data (MIT) and IANA time zone names.',
  firstNames: sorted(first),
  lastNames: sorted(last),
  cities: sorted(cities),
  countries: sorted(countries),
  states: sorted(states),
  streetWords: sorted(street),
  commonWords: sorted(common),
};
const out = dataPath('guard', 'pii', 'gazetteer.json');
writeFileSync(out, JSON.stringify(gazetteer) + '\n');
console.log(
  `${out}: ${Object.entries(gazetteer)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${k} ${(v as string[]).length}`)
    .join(', ')}`,
);

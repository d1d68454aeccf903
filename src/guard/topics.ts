/**
 * Denied topics in Bedrock's shape (name, definition <= 200 chars, <= 5 examples), matched with
 * a light lexical similarity instead of a model:
 *
 * - text and topic texts are normalized (`normalizeForMatching`), stop words dropped, words
 *   reduced by a light stemmer;
 * - features are word stems, adjacent-stem bigrams and character 4-grams of stems (so
 *   `investing`, `investor` and `investment` share most of their weight), weighted by an IDF
 *   over all topic texts;
 * - the definition and each example are separate documents; a window of WINDOW stems slides over
 *   the text and the topic's score is the best cosine between a window and one of its documents,
 *   raised when several of the topic's distinctive stems occur in the same window.
 *
 * Dot products are updated incrementally through an inverted index as the window slides, so a
 * text costs O(stems x postings), linear in its length. It fails on paraphrases that share no
 * vocabulary with the definition or examples and on other languages than the topic's.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../util/errors.js';
import { dataPath } from '../util/paths.js';
import { normalizeForMatching } from './normalize.js';

export interface DeniedTopic {
  name: string;
  definition: string;
  examples?: string[];
}

export interface TopicScore {
  name: string;
  score: number;
}

export interface TopicMatcher {
  /** Every topic scoring at or above `threshold` (default TOPIC_THRESHOLD), best first. */
  match(text: string, threshold?: number): TopicScore[];
  /** The score of every topic, for calibration. */
  scores(text: string): TopicScore[];
}

/** Chosen on the labelled set in bench/topics.ts (see the README's denied-topics section). */
export const TOPIC_THRESHOLD = 0.4;
export const MAX_TOPICS = 30;
export const MAX_TOPIC_SCAN_LENGTH = 1024 * 1024;
const WINDOW = 16;
/** Distinctive topic words in a window raise its score by up to this much of the remaining gap. */
const EVIDENCE_WEIGHT = 0.5;
const EVIDENCE_SATURATION = 1.2;

export const deniedTopicSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[0-9a-zA-Z\-_ !?.]+$/, 'only letters, digits, spaces and - _ ! ? . (as Bedrock)'),
  definition: z.string().min(1).max(200),
  examples: z.array(z.string().min(1).max(100)).max(5).optional(),
});
const topicsSchema = z.array(deniedTopicSchema).max(MAX_TOPICS);

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each either else ever every few for from further get gets got had has have having he ' +
    'her here hers herself him himself his how i if in into is it its itself just let lets like me might more most much must my ' +
    'myself no nor not now of off on once one only or other our ours ourselves out over own please same say says she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too under until up upon us ' +
    'very want was we were what when where which while who whom whose why will with within without would yes yet you your yours ' +
    'yourself yourselves tell know need give make thing things something anything someone way really im ive dont cant whats ' +
    'hi hello hey thanks thank may shall etc e.g ie ' +
    // Function words of other languages written in Latin script (diacritics are folded by
    // normalization), so that a German or Spanish topic is not matched by grammar alone.
    'der das den dem des ein eine einen einem einer und oder aber ich du er sie es wir ihr mich mir dich dir sich ' +
    'ist sind bist habe haben wird werden kann soll sollte mit von zu zum zur auf fur bei nach aus uber ' +
    'wie was wer wen wem wo warum nicht kein keine auch noch nur schon sehr mein dein sein unser euer diese dieser ' +
    'le la les un une des du de et ou mais je tu il elle nous vous ils elles me te se ce cette ces est sont suis ' +
    'avec pour par sur dans pas ne que qui quoi comment pourquoi mon ma ta sa mes tes ses au aux ' +
    'el los las una unos unas y o pero yo tu el ella nosotros ellos mi su es soy esta estoy por para en ' +
    'que quien como porque no del al lo muy mas ' +
    'il lo gli uno e ma io lei noi voi loro sono su che chi perche non ' +
    'os as um uma e ou mas eu ele ela nos eles meu seu sao com por para em que quem como nao ' +
    'het een en maar ik jij hij zij wij jullie mijn zijn is met voor op niet wat wie hoe'
  ).split(/\s+/),
);

const SUFFIXES = [
  'ational',
  'ization',
  'fulness',
  'ousness',
  'iveness',
  'ations',
  'ation',
  'ments',
  'ment',
  'ness',
  'ings',
  'ing',
  'ions',
  'ion',
  'ers',
  'er',
  'ies',
  'ied',
  'ed',
  'ly',
  'es',
  's',
];

/** A light suffix stripper: enough to join `invest/investing/investments`, not a real stemmer. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? `${base}y` : base;
    }
  }
  return word;
}

/** Scripts written without spaces between words: their runs are cut into character bigrams. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of normalizeForMatching(text).split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (UNSPACED.test(w)) {
      const chars = [...w];
      if (chars.length === 1) out.push(w);
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      continue;
    }
    if (w.length < 2 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

const CHAR_GRAM = 4;
const WEIGHT = { word: 1, bigram: 0.7, gram: 0.25 };

const backgroundSchema = z.object({
  documents: z.number().int().positive(),
  df: z.record(z.string(), z.number().int().positive()),
});
let background: { documents: number; df: Map<string, number> } | undefined;

/**
 * How distinctive a stem is in ordinary prompts, 0..1, from document frequencies over ~7,400
 * benign prompts (data/guard/words/english-stem-df.json, built by scripts/build-word-df.ts).
 */
export function distinctiveness(stemmed: string): number {
  if (!background) {
    const file = dataPath('guard', 'words', 'english-stem-df.json');
    const parsed = backgroundSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new InputError(
        `${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
        { file },
      );
    background = { documents: parsed.data.documents, df: new Map(Object.entries(parsed.data.df)) };
  }
  const n = background.documents;
  return Math.log((n + 1) / ((background.df.get(stemmed) ?? 0) + 1)) / Math.log(n + 1);
}

const stemFeatureCache = new Map<string, Array<[string, number]>>();

/** The features of one stem on its own (word and character n-grams), cached across calls. */
function stemFeatures(s: string): Array<[string, number]> {
  let out = stemFeatureCache.get(s);
  if (out) return out;
  const r = distinctiveness(s);
  out = [[`w:${s}`, WEIGHT.word * r]];
  const padded = `^${s}$`;
  for (let k = 0; k + CHAR_GRAM <= padded.length; k++)
    out.push([`c:${padded.slice(k, k + CHAR_GRAM)}`, WEIGHT.gram * r]);
  if (stemFeatureCache.size < 100_000) stemFeatureCache.set(s, out);
  return out;
}

/** Features of the stem at position i (its word, its char n-grams, the bigram ending at it). */
function featuresAt(stems: readonly string[], i: number): Array<[string, number]> {
  const own = stemFeatures(stems[i]!);
  if (i === 0) return own;
  const s = stems[i]!;
  const bigram: [string, number] = [
    `b:${stems[i - 1]}_${s}`,
    WEIGHT.bigram * Math.min(distinctiveness(s), distinctiveness(stems[i - 1]!)),
  ];
  return [...own, bigram];
}

interface Doc {
  topic: number;
  norm: number;
}

export function compileTopics(topics: DeniedTopic[]): TopicMatcher {
  const parsed = topicsSchema.safeParse(topics);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = `topics${(issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
    throw new InputError(`denied topics: ${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const list = parsed.data;
  // Each document: the definition or one example, with its topic's name folded into the definition.
  const docTexts: Array<{ topic: number; stems: string[] }> = [];
  list.forEach((t, topic) => {
    docTexts.push({ topic, stems: contentStems(`${t.name.replace(/[-_]/g, ' ')}. ${t.definition}`) });
    for (const ex of t.examples ?? []) docTexts.push({ topic, stems: contentStems(ex) });
  });

  const rawDocs = docTexts.map((d) => {
    const tf = new Map<string, number>();
    d.stems.forEach((_, i) => {
      for (const [f, w] of featuresAt(d.stems, i)) tf.set(f, (tf.get(f) ?? 0) + w);
    });
    return tf;
  });
  // A feature shared by several topics separates them less.
  const topicsWith = new Map<string, Set<number>>();
  rawDocs.forEach((tf, d) => {
    for (const f of tf.keys()) {
      const set = topicsWith.get(f) ?? new Set<number>();
      set.add(docTexts[d]!.topic);
      topicsWith.set(f, set);
    }
  });
  const idf = (f: string): number => 1 / Math.sqrt(topicsWith.get(f)?.size ?? 1);

  const postings = new Map<string, Array<{ doc: number; weight: number }>>();
  const docs: Doc[] = rawDocs.map((tf, doc) => {
    let sq = 0;
    for (const [f, w] of tf) {
      const weight = w * idf(f);
      sq += weight * weight;
      const p = postings.get(f);
      if (p) p.push({ doc, weight });
      else postings.set(f, [{ doc, weight }]);
    }
    return { topic: docTexts[doc]!.topic, norm: Math.sqrt(sq) || 1 };
  });
  // One look-up per feature at match time; features of no topic (most of a text) have idf 1.
  const featureInfo = new Map<string, { idf: number; postings: Array<{ doc: number; weight: number }> }>();
  for (const [f, p] of postings) featureInfo.set(f, { idf: idf(f), postings: p });

  // Distinctive stems per topic, weighted by how specific they are to it; indexed by stem so a
  // window's shared weight per topic is updated as stems enter and leave it.
  const stemTopics = new Map<string, Array<{ topic: number; weight: number }>>();
  list.forEach((_, topic) => {
    const stems = new Map<string, number>();
    docTexts
      .filter((d) => d.topic === topic)
      .forEach((d) => d.stems.forEach((s) => stems.set(s, distinctiveness(s) * idf(`w:${s}`))));
    for (const [s, w] of stems) {
      const entry = { topic, weight: w * w };
      const p = stemTopics.get(s);
      if (p) p.push(entry);
      else stemTopics.set(s, [entry]);
    }
  });

  function scores(text: string): TopicScore[] {
    if (text.length > MAX_TOPIC_SCAN_LENGTH) {
      throw new RangeError(
        `denied topics: text of ${text.length} characters exceeds the limit of ${MAX_TOPIC_SCAN_LENGTH}`,
      );
    }
    const best = new Float64Array(list.length);
    const stems = contentStems(text);
    if (stems.length === 0 || docs.length === 0) return list.map((t) => ({ name: t.name, score: 0 }));
    const dot = new Float64Array(docs.length);
    const counts = new Map<string, number>();
    const stemCounts = new Map<string, number>();
    const shared = new Float64Array(list.length);
    let normSq = 0;
    const perStem: Array<Array<[string, number]>> = [];

    const change = (i: number, sign: 1 | -1): void => {
      const feats = (perStem[i] ??= featuresAt(stems, i));
      for (const [f, w] of feats) {
        const info = featureInfo.get(f);
        const x = info ? w * info.idf : w;
        const before = counts.get(f) ?? 0;
        const after = before + sign;
        counts.set(f, after);
        normSq += (after * after - before * before) * x * x;
        if (info) for (const { doc, weight } of info.postings) dot[doc]! += sign * x * weight;
      }
      const s = stems[i]!;
      const before = stemCounts.get(s) ?? 0;
      stemCounts.set(s, before + sign);
      // The stem starts or stops being present in the window.
      if ((before === 0 && sign === 1) || (before === 1 && sign === -1)) {
        for (const { topic, weight } of stemTopics.get(s) ?? []) shared[topic]! += sign * weight;
      }
    };

    const evaluate = (): void => {
      const wnorm = Math.sqrt(Math.max(normSq, 1e-12));
      const cosByTopic = new Float64Array(list.length);
      docs.forEach((d, k) => {
        const c = dot[k]! / (wnorm * d.norm);
        if (c > cosByTopic[d.topic]!) cosByTopic[d.topic] = c;
      });
      for (let t = 0; t < list.length; t++) {
        if (cosByTopic[t]! <= 0) continue;
        // Several distinct topic stems in one window is strong evidence even when the cosine is diluted.
        const boost = EVIDENCE_WEIGHT * Math.min(1, Math.max(0, shared[t]!) / EVIDENCE_SATURATION);
        const score = 1 - (1 - cosByTopic[t]!) * (1 - boost);
        if (score > best[t]!) best[t] = score;
      }
    };

    const first = Math.min(WINDOW, stems.length);
    for (let i = 0; i < first; i++) change(i, 1);
    evaluate();
    for (let i = first; i < stems.length; i++) {
      change(i, 1);
      change(i - WINDOW, -1);
      if ((i - first) % 4 === 3 || i === stems.length - 1) evaluate();
    }
    return list.map((t, k) => ({ name: t.name, score: Math.round(Math.min(1, best[k]!) * 1000) / 1000 }));
  }

  return {
    scores,
    match(text, threshold = TOPIC_THRESHOLD) {
      return scores(text)
        .filter((s) => s.score >= threshold)
        .sort((a, b) => b.score - a.score);
    },
  };
}

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../util/errors.js';
import { parseStructuredFile, validateParsed } from '../util/structured-file.js';
import type { LoadedManifest } from './load.js';

/**
 * What the governance checks need from a model card. Kept small so the source can be the model card
 * module (SageMaker Model Card content JSON or Markdown with front matter) without the checks changing.
 */
export interface ModelCardFacts {
  file: string;
  modelId?: string;
  description?: string;
  intendedUses?: string;
  riskRating?: 'High' | 'Medium' | 'Low' | 'Unknown';
  evaluationCount: number;
  /** ISO date the card was last reviewed (custom_details.last_reviewed), when it says. */
  lastReviewed?: string;
  owner?: string;
  limitations?: string;
}

const MAX_CARD_BYTES = 1024 * 1024;
const text = z.string().optional();
/** The SageMaker Model Card content fields aigis reads; other sections pass through untouched. */
const cardSchema = z.looseObject({
  model_overview: z.looseObject({ model_id: text, model_name: text, model_description: text, model_owner: text }).optional(),
  intended_uses: z
    .looseObject({
      purpose_of_model: text,
      intended_uses: text,
      risk_rating: z.enum(['High', 'Medium', 'Low', 'Unknown']).optional(),
    })
    .optional(),
  evaluation_details: z.array(z.looseObject({ name: text })).optional(),
  additional_information: z
    .looseObject({
      caveats_and_recommendations: text,
      custom_details: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

/** Markdown cards carry the same content as YAML front matter between --- lines. */
function frontMatter(file: string, source: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(source);
  if (!match) throw new InputError(`${file}:1: (root): a Markdown model card needs YAML front matter between --- lines`, { file, line: 1 });
  return match[1]!;
}

export function readModelCardFacts(file: string): ModelCardFacts {
  const size = statSync(file).size;
  if (size > MAX_CARD_BYTES) throw new InputError(`${file}: model card is ${size} bytes, over the limit of ${MAX_CARD_BYTES}`, { file });
  const isMarkdown = ['.md', '.markdown'].includes(extname(file).toLowerCase());
  const parsed = isMarkdown
    ? parseStructuredFile(file, { text: frontMatter(file, readFileSync(file, 'utf8')) })
    : parseStructuredFile(file, { maxBytes: MAX_CARD_BYTES });
  const card = validateParsed(parsed, cardSchema);
  const reviewed = card.additional_information?.custom_details?.['last_reviewed'];
  const facts: ModelCardFacts = { file, evaluationCount: card.evaluation_details?.length ?? 0 };
  const set = <K extends keyof ModelCardFacts>(key: K, value: ModelCardFacts[K] | undefined): void => {
    if (value !== undefined && value !== '') facts[key] = value;
  };
  set('modelId', card.model_overview?.model_id ?? card.model_overview?.model_name);
  set('description', card.model_overview?.model_description);
  set('intendedUses', card.intended_uses?.intended_uses ?? card.intended_uses?.purpose_of_model);
  set('riskRating', card.intended_uses?.risk_rating);
  set('owner', card.model_overview?.model_owner);
  set('limitations', card.additional_information?.caveats_and_recommendations);
  if (typeof reviewed === 'string') set('lastReviewed', reviewed);
  else if (reviewed instanceof Date) set('lastReviewed', reviewed.toISOString().slice(0, 10));
  return facts;
}

const CARD_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.md', '.markdown']);

function cardFilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => CARD_EXTENSIONS.has(extname(n).toLowerCase()))
    .sort()
    .map((n) => join(path, n));
}

/**
 * The model card of each model: the file its `modelCard` names, else a card in `paths.modelCards`
 * whose model id or file name is the model's id. Models without a card are absent from the map.
 */
export function modelCardsOf(loaded: LoadedManifest): { byModel: Map<string, ModelCardFacts>; files: string[] } {
  const byModel = new Map<string, ModelCardFacts>();
  const files: string[] = [];
  const pool: ModelCardFacts[] = [];
  for (const p of loaded.manifest.paths.modelCards) {
    for (const f of cardFilesIn(resolve(loaded.dir, p))) {
      pool.push(readModelCardFacts(f));
      files.push(f);
    }
  }
  for (const model of loaded.manifest.models) {
    if (model.modelCard) {
      const file = resolve(loaded.dir, model.modelCard);
      const facts = pool.find((c) => c.file === file) ?? readModelCardFacts(file);
      if (!files.includes(file)) files.push(file);
      byModel.set(model.id, facts);
      continue;
    }
    const found = pool.find((c) => c.modelId === model.id || basename(c.file, extname(c.file)) === model.id);
    if (found) byModel.set(model.id, found);
  }
  return { byModel, files: files.filter((f) => existsSync(f)) };
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { readModelCard, type ModelCard, type ModelCustomization } from '../modelcard/index.js';
import type { LoadedManifest } from './load.js';
import type { ManifestModel } from './manifest.js';

/**
 * What the governance checks need from a model card. Kept small so the source can be the model card
 * module (SageMaker Model Card content JSON or Markdown with front matter) without the checks changing.
 */
export interface ModelCardFacts {
  file: string;
  /** The card as read, so completeness is judged by `validateModelCard` exactly as `aigis modelcard validate` does. */
  card: ModelCard;
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

/** The facts the checks need, from a card read by the model card module (it validates and locates errors). */
export function modelCardFacts(card: ModelCard, file: string): ModelCardFacts {
  const c = card.content;
  const facts: ModelCardFacts = { file, card, evaluationCount: c.evaluation_details?.length ?? 0 };
  const set = <K extends keyof ModelCardFacts>(key: K, value: ModelCardFacts[K] | undefined): void => {
    if (value !== undefined && value !== '') facts[key] = value;
  };
  set('modelId', c.model_overview?.model_id ?? c.model_overview?.model_name);
  set('description', c.model_overview?.model_description);
  set('intendedUses', c.intended_uses?.intended_uses ?? c.intended_uses?.purpose_of_model);
  set('riskRating', c.intended_uses?.risk_rating);
  set('owner', c.model_overview?.model_owner);
  set('limitations', c.additional_information?.caveats_and_recommendations);
  set('lastReviewed', c.additional_information?.custom_details?.['last_reviewed']);
  return facts;
}

/** How the manifest says a model was customised, for the card validator; a model of provider `self` is self-trained. */
export function cardCustomization(model: ManifestModel): ModelCustomization {
  return model.customization === 'none' && model.provider === 'self' ? 'self-trained' : model.customization;
}

export function readModelCardFacts(file: string): ModelCardFacts {
  return modelCardFacts(readModelCard(file), file);
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
export function modelCardsOf(loaded: LoadedManifest): {
  byModel: Map<string, ModelCardFacts>;
  files: string[];
} {
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

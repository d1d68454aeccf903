/**
 * Prompt-injection and jailbreak detection: normalization and decoding, weighted heuristics and a
 * trained, calibrated linear classifier (weights shipped in data/guard/injection/).
 */
import { dataPath } from '../../util/paths.js';
import { createDetector, type InjectionDetector } from './detector.js';
import { loadModelFiles, thresholdOf, type LinearModel } from './model.js';

export type { InjectionDetector } from './detector.js';
export { HEURISTICS } from './heuristics.js';

export type PromptAttackStrength = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';

let cachedModel: LinearModel | undefined;
let cachedDetector: InjectionDetector | undefined;

function shippedModel(): LinearModel {
  cachedModel ??= loadModelFiles(
    dataPath('guard', 'injection', 'model.json'),
    dataPath('guard', 'injection', 'model.bin'),
  );
  return cachedModel;
}

/** The detector over the shipped weights, loaded once per process. */
export function loadInjectionDetector(): InjectionDetector {
  cachedDetector ??= createDetector(shippedModel());
  return cachedDetector;
}

/**
 * The score at or above which a text is an attack, for Bedrock's PROMPT_ATTACK filter strength
 * (HIGH is the most sensitive, so the lowest threshold). Chosen on out-of-source validation
 * predictions when the model was trained, per direction: documents and tool results (`context`)
 * have thresholds of their own, prompts and answers share the prompt thresholds. NONE never flags.
 */
export function injectionThreshold(
  strength: PromptAttackStrength,
  direction: 'input' | 'output' | 'context' = 'input',
): number {
  if (strength === 'NONE') return Number.POSITIVE_INFINITY;
  return thresholdOf(shippedModel().meta, strength, direction);
}

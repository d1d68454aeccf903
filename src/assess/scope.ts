import type { Catalog, Responsibility, Scope } from '../catalog/index.js';
import type { Manifest } from './manifest.js';

export interface ScopeDetermination {
  scope: Scope;
  reason: string;
  /** Set when the declared scope contradicts the models; the derived scope wins. */
  warning?: string;
}

const SCOPE_OF_ANSWER = {
  'consumer-app': 1,
  'enterprise-app': 2,
  'pre-trained-model': 3,
  'fine-tuned-model': 4,
  'self-trained-model': 5,
} as const satisfies Record<string, Scope>;

const SCOPE_NAMES: Record<Scope, string> = {
  1: 'consumer app',
  2: 'enterprise app',
  3: 'pre-trained model',
  4: 'fine-tuned model',
  5: 'self-trained model',
};

export function scopeName(scope: Scope): string {
  return SCOPE_NAMES[scope];
}

/** The scope the models alone imply: a self-trained model makes scope 5, a customised one scope 4. */
function scopeFromModels(manifest: Manifest): { scope: Scope; reason: string } | undefined {
  const selfTrained = manifest.models.find(
    (m) => m.customization === 'self-trained' || m.provider === 'self',
  );
  if (selfTrained)
    return {
      scope: 5,
      reason: `model '${selfTrained.id}' is trained by the team (customization: self-trained)`,
    };
  const tuned = manifest.models.find(
    (m) => m.customization === 'fine-tuned' || m.customization === 'continued-pretraining',
  );
  if (tuned)
    return { scope: 4, reason: `model '${tuned.id}' is customised (customization: ${tuned.customization})` };
  return undefined;
}

/**
 * Generative AI Security Scoping Matrix scope. The declared scope (a number or the answer it follows
 * from) stands unless the models contradict it: a customised model cannot be scope 1-3, and a
 * scope 4-5 system needs a customised model. Then the models' scope wins with a warning.
 */
export function determineScope(manifest: Manifest): ScopeDetermination {
  const declared =
    manifest.scope === undefined
      ? undefined
      : typeof manifest.scope === 'number'
        ? { scope: manifest.scope as Scope, how: `declared scope: ${manifest.scope}` }
        : {
            scope: SCOPE_OF_ANSWER[manifest.scope.answer],
            how: `declared scope answer: ${manifest.scope.answer}`,
          };
  const fromModels = scopeFromModels(manifest);

  if (!declared) {
    if (fromModels) return { scope: fromModels.scope, reason: `derived: ${fromModels.reason}` };
    if (manifest.models.length > 0)
      return {
        scope: 3,
        reason: `derived: the models are used as provided (${manifest.models.map((m) => `${m.id} on ${m.provider}`).join(', ')})`,
      };
    return {
      scope: 3,
      reason: 'assumed: no scope and no models declared',
      warning: 'aigis.yaml declares neither scope nor models; assuming scope 3 (pre-trained model)',
    };
  }
  if (fromModels && fromModels.scope !== declared.scope)
    return {
      scope: fromModels.scope,
      reason: `derived: ${fromModels.reason} (overrides ${declared.how})`,
      warning: `${declared.how} (${scopeName(declared.scope)}) contradicts the models: ${fromModels.reason}; using scope ${fromModels.scope}`,
    };
  if (!fromModels && declared.scope >= 4 && manifest.models.length > 0)
    return {
      scope: 3,
      reason: `derived: no model is customised (overrides ${declared.how})`,
      warning: `${declared.how} (${scopeName(declared.scope)}) but no model declares customization fine-tuned, continued-pretraining or self-trained; using scope 3`,
    };
  return { scope: declared.scope, reason: `${declared.how} (${scopeName(declared.scope)})` };
}

/** Who secures each part of the stack at this scope, from the scoping matrix framework's data. */
export function responsibilityAt(catalog: Catalog, scope: Scope): Record<string, Responsibility> {
  const matrix = catalog.frameworks.find((f) => f.scopes?.some((s) => s.scope === scope));
  return { ...(matrix?.scopes?.find((s) => s.scope === scope)?.responsibility ?? {}) };
}

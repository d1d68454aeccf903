import { InputError } from '../util/errors.js';
import { closest, didYouMean } from '../util/suggest.js';
import type {
  Control,
  DidLayer,
  Framework,
  Layer,
  Phase,
  Requirement,
  RequirementMatch,
  Scope,
} from './schema.js';

/** All criteria must hold; an absent criterion matches everything. */
export interface ControlFilter {
  /** Controls that cover at least one requirement of this framework. */
  framework?: string;
  scope?: Scope;
  layer?: Layer;
  phase?: Phase;
  did?: DidLayer;
  /** An OWASP LLM 2025 id, a 2023 alias (normalised), or an agentic ASI id. */
  owasp?: string;
}

export interface RequirementCoverage {
  requirement: Requirement;
  controls: Control[];
}

export interface FrameworkCoverage {
  framework: Framework;
  requirements: RequirementCoverage[];
  /** Requirements that no control covers. */
  uncovered: Requirement[];
}

function matches(control: Control, match: RequirementMatch): boolean {
  if (match.layer !== undefined && control.layer !== match.layer) return false;
  if (match.phase !== undefined && control.phase !== match.phase) return false;
  if (match.didLayer !== undefined && control.didLayer !== match.didLayer) return false;
  if (match.scope !== undefined && !control.scopes.includes(match.scope)) return false;
  return true;
}

/**
 * Whether a control covers a requirement: it names it in `references`, lists it in `owasp` (for OWASP
 * frameworks), or its own fields satisfy the requirement's `match` (for the AWS taxonomies).
 */
export function controlCovers(control: Control, framework: Framework, requirement: Requirement): boolean {
  if (control.references[framework.id]?.includes(requirement.id)) return true;
  if (framework.kind === 'owasp' && control.owasp.includes(requirement.id)) return true;
  return requirement.match !== undefined && matches(control, requirement.match);
}

/** The validated control catalog: frameworks, controls, lookups, filters and coverage. */
export class Catalog {
  readonly controls: readonly Control[];
  readonly frameworks: readonly Framework[];
  private readonly controlsById: ReadonlyMap<string, Control>;
  private readonly frameworksById: ReadonlyMap<string, Framework>;
  private readonly owaspIds: ReadonlyMap<string, string>;
  private readonly coverageCache = new Map<string, FrameworkCoverage>();

  constructor(frameworks: readonly Framework[], controls: readonly Control[]) {
    this.frameworks = frameworks;
    this.controls = controls;
    this.controlsById = new Map(controls.map((c) => [c.id, c]));
    this.frameworksById = new Map(frameworks.map((f) => [f.id, f]));
    this.owaspIds = owaspIdIndex(frameworks);
  }

  control(id: string): Control | undefined {
    return this.controlsById.get(id);
  }

  framework(id: string): Framework | undefined {
    return this.frameworksById.get(id);
  }

  /** The control, or an InputError naming the closest id. */
  requireControl(id: string): Control {
    const control = this.control(id);
    if (!control)
      throw new InputError(`unknown control '${id}'${didYouMean(id, this.controlsById.keys())}`, {
        field: 'control',
      });
    return control;
  }

  /** The framework, or an InputError naming the closest id. */
  requireFramework(id: string): Framework {
    const framework = this.framework(id);
    if (!framework)
      throw new InputError(`unknown framework '${id}'${didYouMean(id, this.frameworksById.keys())}`, {
        field: 'framework',
      });
    return framework;
  }

  requirement(frameworkId: string, requirementId: string): Requirement | undefined {
    return this.framework(frameworkId)?.requirements.find((r) => r.id === requirementId);
  }

  /** The canonical OWASP id for a 2025 id, a 2023 alias or an ASI id (case-insensitive), or undefined. */
  normalizeOwaspId(id: string): string | undefined {
    return this.owaspIds.get(id.trim().toUpperCase());
  }

  /** Every id `normalizeOwaspId` accepts, for suggestions. */
  owaspIdNames(): string[] {
    return [...new Set(this.owaspIds.values())];
  }

  filterControls(filter: ControlFilter = {}): Control[] {
    const framework = filter.framework === undefined ? undefined : this.requireFramework(filter.framework);
    let owasp: string | undefined;
    if (filter.owasp !== undefined) {
      owasp = this.normalizeOwaspId(filter.owasp);
      if (!owasp) {
        // Suggest through aliases too (LLM11 is closest to the alias LLM10), but name the canonical id.
        const near = closest(filter.owasp.toUpperCase(), this.owaspIds.keys());
        const hint = near ? ` (did you mean '${this.owaspIds.get(near)}'?)` : '';
        throw new InputError(`unknown OWASP id '${filter.owasp}'${hint}`, { field: 'owasp' });
      }
    }
    return this.controls.filter(
      (c) =>
        (filter.scope === undefined || c.scopes.includes(filter.scope)) &&
        (filter.layer === undefined || c.layer === filter.layer) &&
        (filter.phase === undefined || c.phase === filter.phase) &&
        (filter.did === undefined || c.didLayer === filter.did) &&
        (owasp === undefined || c.owasp.includes(owasp)) &&
        (framework === undefined || framework.requirements.some((r) => controlCovers(c, framework, r))),
    );
  }

  /** Per requirement of the framework, the controls that cover it; plus the requirements nothing covers. */
  coverage(frameworkId: string): FrameworkCoverage {
    const cached = this.coverageCache.get(frameworkId);
    if (cached) return cached;
    const framework = this.requireFramework(frameworkId);
    const requirements = framework.requirements.map((requirement) => ({
      requirement,
      controls: this.controls.filter((c) => controlCovers(c, framework, requirement)),
    }));
    const result: FrameworkCoverage = {
      framework,
      requirements,
      uncovered: requirements.filter((r) => r.controls.length === 0).map((r) => r.requirement),
    };
    this.coverageCache.set(frameworkId, result);
    return result;
  }
}

/** Upper-cased id or alias -> canonical id, over every OWASP framework. */
export function owaspIdIndex(frameworks: readonly Framework[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const framework of frameworks) {
    if (framework.kind !== 'owasp') continue;
    for (const requirement of framework.requirements) {
      index.set(requirement.id.toUpperCase(), requirement.id);
      for (const alias of requirement.aliases ?? []) {
        index.set(alias.toUpperCase(), requirement.id);
        // 2023 ids are also written with their year, as LLM01:2023.
        if (!alias.includes(':')) index.set(`${alias.toUpperCase()}:2023`, requirement.id);
      }
    }
  }
  return index;
}

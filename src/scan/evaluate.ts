import type { Resource, ResourceGraph } from '../resources/types.js';
import type { Outcome, Rule, RuleContext } from '../rules/types.js';

export interface Evaluation extends Outcome {
  resource: Resource;
}

const CLOUDFORMATION_SOURCES = new Set(['cloudformation', 'cdk']);

interface RuleTypes {
  all: string[];
  cloudformation: Set<string>;
  terraform: Set<string>;
}

const typesCache = new WeakMap<Rule, RuleTypes>();

function typesOf(rule: Rule): RuleTypes {
  let types = typesCache.get(rule);
  if (!types) {
    const { cloudformation, terraform } = rule.resourceTypes;
    types = {
      all: [...new Set([...cloudformation, ...terraform])],
      cloudformation: new Set(cloudformation),
      terraform: new Set(terraform),
    };
    typesCache.set(rule, types);
  }
  return types;
}

/** The resource types a rule declares for the source format a resource came from. */
export function ruleAppliesTo(rule: Rule, resource: Resource): boolean {
  const types = typesOf(rule);
  return (CLOUDFORMATION_SOURCES.has(resource.source) ? types.cloudformation : types.terraform).has(
    resource.type,
  );
}

/**
 * Runs one rule over a graph: a resource rule on every resource of its types, a graph rule once.
 * A rule that throws yields `unknown` for the resources it was evaluating (with the error), unless
 * `rethrow` is set (tests want to see the error).
 */
export function evaluateRule(
  rule: Rule,
  graph: ResourceGraph,
  ctx: RuleContext,
  opts: { rethrow?: boolean } = {},
): Evaluation[] {
  if (rule.kind === 'graph') {
    try {
      return rule.evaluateGraph(ctx).map(({ resource, status, message }) => ({ resource, status, message }));
    } catch (err) {
      if (opts.rethrow) throw err;
      return [];
    }
  }
  const out: Evaluation[] = [];
  for (const resource of graph.byType(...typesOf(rule).all)) {
    if (!ruleAppliesTo(rule, resource)) continue;
    try {
      const { status, message } = rule.evaluate(resource, ctx);
      out.push({ resource, status, message });
    } catch (err) {
      if (opts.rethrow) throw err;
      out.push({
        resource,
        status: 'unknown',
        message: `rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  return out;
}

import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadCatalog, type Catalog } from '../catalog/index.js';
import { loadPolicyFile } from '../guard/policy/index.js';
import { allRules } from '../rules/index.js';
import type { Rule, Severity } from '../rules/types.js';
import { scan, type ScanReport, type ScanResult } from '../scan/index.js';
import { InputError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';
import { didYouMean } from '../util/suggest.js';
import type { AssessContext } from './context.js';
import { governanceChecksByControl } from './governance/index.js';
import { loadManifest, type LoadedManifest } from './load.js';
import { modelCardsOf } from './model-cards.js';
import { determineEuAiAct, determineRegulations, isGenerative } from './regulations.js';
import { remediationList } from './remediation.js';
import { workloadPiiEntities } from './runtime.js';
import { determineScope, responsibilityAt } from './scope.js';
import {
  didLayerScores,
  frameworkScores,
  layerPhaseMatrix,
  owaspScores,
  pairs,
  phaseReached,
  sectionScores,
} from './scoring.js';
import { controlStatus } from './status.js';
import type { AssessmentReport, ControlResult } from './types.js';

export interface AssessOptions {
  /** The manifest file, when it is not `<dir>/aigis.yaml`. */
  manifest?: string;
  catalog?: Catalog;
  rules?: readonly Rule[];
  /** The clock, for review cadences and attestation expiry (tests pin it). */
  now?: Date;
  /** Report file paths relative to this folder (default: the current folder). */
  root?: string;
  onProgress?: (done: number, total: number) => void;
}

const AGENT_TYPES = /Bedrock::Agent\b|bedrockagent_agent\b|BedrockAgentCore|bedrockagentcore/i;
const ENDPOINT_TYPES =
  /ApiGateway|api_gateway|apigatewayv2|ElasticLoadBalancing|aws_lb\b|aws_alb\b|Lambda::Url|lambda_function_url|CloudFront|cloudfront/i;
const RAG_TYPES =
  /KnowledgeBase|knowledge_base|OpenSearchServerless|opensearchserverless|OpenSearchService|opensearch_domain|Kendra/i;

function version(): string {
  try {
    return (
      (JSON.parse(readFileSync(resolve(packageRoot(), 'package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    );
  } catch {
    return '0.0.0';
  }
}

/** The control id sharing most words with `id` (word order differs: incident-response-plan-for-ai), if close. */
function closestByWords(id: string, ids: readonly string[]): string | undefined {
  const words = new Set(id.toLowerCase().split('-'));
  let best: { id: string; score: number } | undefined;
  for (const candidate of ids) {
    const theirs = candidate.split('-');
    const shared = theirs.filter((w) => words.has(w)).length;
    const score = shared / new Set([...words, ...theirs]).size;
    if (!best || score > best.score) best = { id: candidate, score };
  }
  return best && best.score >= 0.5 ? best.id : undefined;
}

function suggestControl(id: string, ids: readonly string[]): string {
  const hint = didYouMean(id, ids);
  if (hint) return hint;
  const byWords = closestByWords(id, ids);
  return byWords ? ` (did you mean '${byWords}'?)` : '';
}

/** Attestations must name catalog controls; a typo would silently attest nothing. */
function checkAttestations(loaded: LoadedManifest, catalog: Catalog): void {
  loaded.manifest.attestations.forEach((a, i) => {
    if (catalog.control(a.control)) return;
    const line = loaded.lineOf(['attestations', i, 'control']);
    throw new InputError(
      `${loaded.file}${line ? `:${line}` : ''}: attestations[${i}].control: unknown control '${a.control}'${suggestControl(
        a.control,
        catalog.controls.map((c) => c.id),
      )}`,
      { file: loaded.file, ...(line ? { line } : {}), field: `attestations[${i}].control` },
    );
  });
}

/**
 * Assesses the AI system described by `<dir>/aigis.yaml`: determinations, control applicability and
 * status (from the IaC scan, governance records, the guard policy and attestations), scores and the
 * remediation list. Throws InputError for a bad manifest or referenced file.
 */
export async function assess(dir: string, opts: AssessOptions = {}): Promise<AssessmentReport> {
  const catalog = opts.catalog ?? loadCatalog();
  const rules = opts.rules ?? allRules;
  const now = opts.now ?? new Date();
  const root = resolve(opts.root ?? process.cwd());
  const rel = (file: string): string => relative(root, file).split(sep).join('/') || '.';

  const loaded = loadManifest(opts.manifest ?? dir);
  const { manifest } = loaded;
  checkAttestations(loaded, catalog);
  const warnings: string[] = [];

  const scopeResult = determineScope(manifest);
  if (scopeResult.warning) warnings.push(`${rel(loaded.file)}: ${scopeResult.warning}`);
  const regulations = determineRegulations(manifest);
  const act = determineEuAiAct(manifest, regulations);
  const cards = modelCardsOf(loaded);
  const policyFile = manifest.paths.guardPolicy ? resolve(loaded.dir, manifest.paths.guardPolicy) : undefined;
  const policy = policyFile ? loadPolicyFile(policyFile) : undefined;

  const infra = manifest.paths.infrastructure.map((p) => resolve(loaded.dir, p));
  const pii = workloadPiiEntities({ manifest });
  let scanReport: ScanReport | undefined;
  if (infra.length > 0) {
    scanReport = await scan(infra, {
      rules,
      root,
      workload: { piiEntities: pii },
      failOn: 'critical',
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  }
  const types = new Set(scanReport?.results.map((r) => r.resource.type) ?? []);
  const has = (pattern: RegExp): boolean => [...types].some((t) => pattern.test(t));
  const trainingIds = new Set(manifest.models.flatMap((m) => m.trainingDatasets));

  const ctx: AssessContext = {
    catalog,
    loaded,
    manifest,
    scope: scopeResult.scope,
    regulations: new Set(regulations.map((r) => r.id)),
    euAiActTier: act.tier,
    gpai: act.gpai,
    generative: isGenerative(manifest),
    agents: has(AGENT_TYPES),
    rag: has(RAG_TYPES),
    publicEndpoint: has(ENDPOINT_TYPES),
    trainingDatasets: manifest.datasets.filter((d) => trainingIds.has(d.id)),
    cards: cards.byModel,
    ...(policy ? { policy } : {}),
    ...(policyFile ? { policyFile: rel(policyFile) } : {}),
    ...(scanReport ? { scan: scanReport } : {}),
    now,
  };

  const resultsByControl = new Map<string, ScanResult[]>();
  for (const r of scanReport?.results ?? [])
    for (const c of r.controls) resultsByControl.set(c, [...(resultsByControl.get(c) ?? []), r]);
  const rulesByControl = new Map<string, Rule[]>();
  for (const rule of rules)
    for (const c of rule.controls) rulesByControl.set(c, [...(rulesByControl.get(c) ?? []), rule]);
  const governance = governanceChecksByControl();

  const controls: ControlResult[] = catalog.controls.map((control) =>
    controlStatus({
      control,
      ctx,
      results: resultsByControl.get(control.id) ?? [],
      rules: rulesByControl.get(control.id) ?? [],
      governance: governance.get(control.id) ?? [],
    }),
  );
  for (const c of controls)
    for (const e of c.evidence) if (e.file && isAbsolute(e.file)) e.file = rel(e.file);

  const expired = manifest.attestations.filter(
    (a) => a.expires !== undefined && Date.parse(a.expires) < now.getTime(),
  );
  for (const a of expired)
    warnings.push(
      `${rel(loaded.file)}: attestation of ${a.control} by ${a.by} expired on ${a.expires}; it counts as missing`,
    );

  const items = pairs(catalog, controls);
  const byId = new Map(controls.map((c) => [c.id, c]));
  const severityOf = new Map<string, Severity>(rules.map((r) => [r.id, r.severity]));

  return {
    version: version(),
    generatedAt: now.toISOString(),
    system: {
      name: manifest.name,
      owner: manifest.owner,
      scope: scopeResult.scope,
      scopeReason: scopeResult.reason,
      responsibility: responsibilityAt(catalog, scopeResult.scope),
    },
    determinations: { regulations, euAiActTier: act.tier, euAiActReason: act.reason, gpai: act.gpai },
    phaseReached: phaseReached(items),
    layers: layerPhaseMatrix(items),
    didLayers: didLayerScores(items),
    frameworks: frameworkScores(catalog, byId, ctx.regulations),
    owasp: owaspScores(items),
    sections: sectionScores(items),
    controls,
    remediation: remediationList(items, (id) => severityOf.get(id)),
    warnings,
    errors: (scanReport?.errors ?? []).map(
      (e) => `${rel(resolve(root, e.file))}${e.line ? `:${e.line}` : ''}: ${e.message}`,
    ),
    inputs: [
      loaded.file,
      ...(scanReport?.scanned.map((f) => resolve(root, f)) ?? []),
      ...cards.files,
      ...(policyFile ? [policyFile] : []),
    ].map(rel),
  };
}

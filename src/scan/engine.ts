import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { cdkTemplateFiles, isCdkManifest, loadCdkAssembly, toLoadError } from '../iac/cdk.js';
import { loadCloudFormation, mightBeCloudFormation, withoutBom } from '../iac/cloudformation.js';
import { loadTerraformFiles } from '../iac/terraform.js';
import { isTerraformPlan, loadTerraformPlan } from '../iac/terraform-plan.js';
import { MAX_IAC_FILE_BYTES, type LoadError, type LoadResult, type LoadWarning } from '../iac/types.js';
import { buildGraph } from '../resources/graph.js';
import type { Resource, Suppression } from '../resources/types.js';
import { allRules } from '../rules/index.js';
import { SEVERITIES, type Rule, type RuleContext, type Severity } from '../rules/types.js';
import { InputError } from '../util/errors.js';
import { packageRoot } from '../util/paths.js';
import { didYouMean } from '../util/suggest.js';
import { baselineMatcher } from './baseline.js';
import { evaluateRule, type Evaluation } from './evaluate.js';
import { calledModuleDirs, collectFiles, isManifestName, isTerraformFile, readHead } from './files.js';
import type { ScanOptions, ScanReport, ScanResult, ScanSummary } from './types.js';

/** A set of resources whose references resolve among themselves: one template, one Terraform root module, one plan. */
interface Unit {
  files: string[];
  load: () => Promise<LoadResult>;
}

const IAC_MARKER =
  /AWSTemplateFormatVersion|"Resources"|^Resources:|planned_values|root_module|resource\s+"/m;

let cachedVersion: string | undefined;
function aigisVersion(): string {
  if (cachedVersion) return cachedVersion;
  try {
    const pkg = JSON.parse(readFileSync(resolve(packageRoot(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    cachedVersion = pkg.version ?? '0.0.0';
  } catch {
    cachedVersion = '0.0.0';
  }
  return cachedVersion;
}

/** Selects rules by --rules / --skip-rules; unknown ids are usage errors naming the closest id. */
export function selectRules(
  rules: readonly Rule[],
  include?: readonly string[],
  exclude?: readonly string[],
): Rule[] {
  const ids = new Set(rules.map((r) => r.id));
  for (const id of [...(include ?? []), ...(exclude ?? [])]) {
    if (!ids.has(id)) throw new InputError(`unknown rule id '${id}'${didYouMean(id, ids)}`);
  }
  const only = include && include.length > 0 ? new Set(include) : undefined;
  const skip = new Set(exclude ?? []);
  return rules.filter((r) => (only ? only.has(r.id) : true) && !skip.has(r.id));
}

function oversized(file: string, size: number): { error?: LoadError; warning?: LoadWarning } {
  const message = `file is ${size} bytes, over the limit of ${MAX_IAC_FILE_BYTES}; not scanned`;
  // Only report as an error what looks like IaC; a big package-lock.json is skipped with a warning.
  return IAC_MARKER.test(readHead(file)) ? { error: { file, message } } : { warning: { file, message } };
}

function planUnits(
  files: string[],
  errors: LoadError[],
  warnings: LoadWarning[],
  inputs: Pick<ScanOptions, 'parameters' | 'variables'>,
): Unit[] {
  const units: Unit[] = [];
  const manifests = files.filter(isManifestName);
  const cdkTemplates = new Set<string>();
  for (const manifest of manifests) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(manifest, 'utf8'));
    } catch {
      continue;
    }
    if (!isCdkManifest(data)) continue;
    for (const t of cdkTemplateFiles(manifest)) cdkTemplates.add(t);
    units.push({ files: [manifest], load: async () => loadCdkAssembly(manifest) });
  }

  const tfByDir = new Map<string, Array<{ file: string; text: string }>>();
  for (const file of files) {
    if (cdkTemplates.has(file)) continue;
    if (isManifestName(file) && units.some((u) => u.files[0] === file)) continue;
    try {
      const size = statSync(file).size;
      if (size > MAX_IAC_FILE_BYTES) {
        const { error, warning } = oversized(file, size);
        if (error) errors.push(error);
        if (warning) warnings.push(warning);
        continue;
      }
      if (isTerraformFile(file)) {
        const dir = dirname(file);
        const list = tfByDir.get(dir) ?? [];
        list.push({ file, text: readFileSync(file, 'utf8') });
        tfByDir.set(dir, list);
        continue;
      }
    } catch (err) {
      if (!isFileSystemError(err)) throw err;
      errors.push({ file, message: `cannot read file (${err.code})` });
      continue;
    }
    units.push({
      files: [file],
      load: async () => {
        const text = withoutBom(readFileSync(file, 'utf8'));
        if (file.endsWith('.json') && text.includes('root_module')) {
          let data: unknown;
          try {
            data = JSON.parse(text);
          } catch {
            data = undefined;
          }
          if (isTerraformPlan(data)) return loadTerraformPlan(text, file, data);
        }
        if (!mightBeCloudFormation(text)) return { recognized: false, resources: [], warnings: [] };
        return loadCloudFormation(text, file, inputs.parameters ? { parameters: inputs.parameters } : {});
      },
    });
  }
  const called = calledModuleDirs(tfByDir);
  for (const [dir, tfFiles] of tfByDir) {
    if (called.has(dir)) continue;
    units.push({
      files: tfFiles.map((f) => f.file),
      load: () => loadTerraformFiles(tfFiles, inputs.variables ? { variables: inputs.variables } : {}),
    });
  }
  return units;
}

function matchingSuppression(rule: Rule, suppressions: readonly Suppression[]): Suppression | undefined {
  if (suppressions.length === 0) return undefined;
  const ids = new Set([
    rule.id,
    ...rule.equivalents.checkov,
    ...rule.equivalents.cdknag,
    ...rule.equivalents.prowler,
    ...rule.equivalents.securityhub,
  ]);
  return suppressions.find((s) => ids.has(s.ruleId));
}

/** A file that vanished or cannot be opened (ENOENT, EACCES, EISDIR...) is reported, not a crash. */
function isFileSystemError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/**
 * Scans files and directories of CloudFormation (JSON/YAML, SAM), Terraform (.tf, plan JSON) and CDK
 * cloud assemblies with the rules, returning every evaluated (rule, resource) pair.
 * Parse errors do not stop the scan: they are listed in `errors` (and `summary.hadErrors`).
 */
export async function scan(paths: readonly string[], opts: ScanOptions = {}): Promise<ScanReport> {
  const rules = selectRules(opts.rules ?? allRules, opts.include, opts.exclude);
  const failOn = opts.failOn ?? 'high';
  const root = resolve(opts.root ?? process.cwd());
  const relCache = new Map<string, string>();
  const rel = (file: string): string => {
    let r = relCache.get(file);
    if (r === undefined) {
      r = relative(root, resolve(file)).split(sep).join('/') || '.';
      relCache.set(file, r);
    }
    return r;
  };
  const errors: LoadError[] = [];
  const warnings: LoadWarning[] = [];
  const { files } = collectFiles(paths);
  const units = planUnits(files, errors, warnings, opts);
  const total = units.length + 1;
  let done = 0;
  const progress = (): void => opts.onProgress?.(++done, total);

  const resourceRules = rules.filter((r) => r.kind === 'resource');
  const graphRules = rules.filter((r) => r.kind === 'graph');
  const scanned: string[] = [];
  const everything: Resource[] = [];
  const evaluations: Array<{ rule: Rule; evaluation: Evaluation }> = [];

  for (const unit of units) {
    let result: LoadResult;
    try {
      result = await unit.load();
    } catch (err) {
      if (err instanceof InputError) errors.push(toLoadError(err, err.file ?? unit.files[0]!));
      else if (isFileSystemError(err))
        errors.push({ file: unit.files[0]!, message: `cannot read file (${err.code})` });
      else throw err;
      progress();
      continue;
    }
    errors.push(...(result.errors ?? []));
    warnings.push(...result.warnings);
    if (result.recognized) {
      const failedFiles = new Set((result.errors ?? []).map((e) => e.file));
      const loadedFiles = new Set(result.resources.map((r) => r.file));
      for (const f of unit.files) if (!failedFiles.has(f)) scanned.push(f);
      for (const f of loadedFiles) if (!unit.files.includes(f)) scanned.push(f);
      const graph = buildGraph(result.resources);
      const ctx: RuleContext = opts.workload ? { graph, workload: opts.workload } : { graph };
      for (const rule of resourceRules)
        for (const evaluation of evaluateRule(rule, graph, ctx)) evaluations.push({ rule, evaluation });
      everything.push(...result.resources);
    }
    progress();
  }

  // Account-level and relation rules see every scanned resource together.
  if (graphRules.length > 0 && everything.length > 0) {
    const graph = buildGraph(everything);
    const ctx: RuleContext = opts.workload ? { graph, workload: opts.workload } : { graph };
    for (const rule of graphRules) {
      try {
        for (const evaluation of evaluateRule(rule, graph, ctx, { rethrow: true }))
          evaluations.push({ rule, evaluation });
      } catch (err) {
        warnings.push({
          file: '',
          message: `rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
  }
  progress();

  const inBaseline = opts.baseline ? baselineMatcher(opts.baseline) : undefined;
  const results: ScanResult[] = [];
  let notApplicable = 0;
  for (const { rule, evaluation } of evaluations) {
    const { resource, status, message } = evaluation;
    if (status === 'not_applicable') {
      notApplicable++;
      continue;
    }
    const file = rel(resource.file);
    const result: ScanResult = {
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      status,
      message,
      resource: {
        address: resource.address,
        type: resource.type,
        name: resource.name,
        file,
        line: resource.line,
      },
      controls: rule.controls,
      equivalents: rule.equivalents,
    };
    if (status === 'fail' || status === 'unknown') {
      const suppression = matchingSuppression(rule, resource.suppressions);
      if (suppression) {
        result.originalStatus = status;
        result.status = 'suppressed';
        result.suppression = {
          origin: suppression.origin,
          ruleId: suppression.ruleId,
          ...(suppression.reason ? { reason: suppression.reason } : {}),
        };
      } else if (status === 'fail' && inBaseline?.(rule.id, resource.address, file)) {
        result.originalStatus = status;
        result.status = 'suppressed';
        result.suppression = { origin: 'baseline', ruleId: rule.id, reason: 'accepted in the baseline' };
      }
    }
    results.push(result);
  }

  // A stable order (file, line, resource, rule) keeps reports diffable between runs.
  results.sort(
    (a, b) =>
      compare(a.resource.file, b.resource.file) ||
      a.resource.line - b.resource.line ||
      compare(a.resource.address, b.resource.address) ||
      compare(a.ruleId, b.ruleId),
  );
  const summary = summarize(results, {
    files: scanned.length,
    resources: everything.length,
    rules: rules.length,
    notApplicable,
    failOn,
    hadErrors: errors.length > 0,
  });
  return {
    version: aigisVersion(),
    root,
    scanned: [...new Set(scanned.map(rel))].sort(),
    results,
    errors: errors.map((e) => ({ ...e, file: e.file ? rel(e.file) : e.file })),
    warnings: warnings.map((w) => ({ ...w, file: w.file ? rel(w.file) : w.file })),
    summary,
  };
}

function summarize(
  results: readonly ScanResult[],
  base: Pick<ScanSummary, 'files' | 'resources' | 'rules' | 'notApplicable' | 'failOn' | 'hadErrors'>,
): ScanSummary {
  const failBySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const counts = { pass: 0, fail: 0, unknown: 0, suppressed: 0 };
  for (const r of results) {
    counts[r.status]++;
    if (r.status === 'fail') failBySeverity[r.severity]++;
  }
  const failed = SEVERITIES.some(
    (s) => severityRank(s) >= severityRank(base.failOn) && failBySeverity[s] > 0,
  );
  return { ...base, evaluated: results.length, ...counts, failBySeverity, failed };
}

/** Exit code for a report: 2 when a file could not be parsed, 1 when a failure reaches --fail-on, else 0. */
export function exitCodeOf(report: ScanReport): number {
  if (report.summary.hadErrors) return 2;
  return report.summary.failed ? 1 : 0;
}

import { withProgress } from '../progress.js';
import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { loadCatalog } from '../../catalog/index.js';
import { toJunit } from '../../report/junit.js';
import { toMarkdown } from '../../report/markdown-scan.js';
import { toSarif } from '../../report/sarif.js';
import { allRules } from '../../rules/index.js';
import { SEVERITIES } from '../../rules/types.js';
import {
  createBaseline,
  exitCodeOf,
  readBaseline,
  scan,
  selectRules,
  toText,
  type ScanReport,
} from '../../scan/index.js';
import { evalNode, parseExpression } from '../../iac/hcl-expr.js';
import { isUnknown, Unknown } from '../../resources/types.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;

const idList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

const optionsSchema = z.object({
  format: z.enum(FORMATS),
  failOn: z.enum(SEVERITIES as unknown as [string, ...string[]]),
  rules: idList.optional(),
  skipRules: idList.optional(),
  out: z.string().min(1).optional(),
  createBaseline: z.string().min(1).optional(),
  baseline: z.string().min(1).optional(),
  showUnknown: z.boolean().optional(),
  parameter: z.array(z.string()).default([]),
  var: z.array(z.string()).default([]),
});

function validate(raw: Record<string, unknown>): z.infer<typeof optionsSchema> {
  const parsed = optionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const flag = `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const value = String(raw[field]);
  const choices = field === 'format' ? FORMATS : field === 'failOn' ? SEVERITIES : [];
  throw new InputError(
    `${flag}: '${value}' is not valid${choices.length ? `; expected one of ${choices.join(', ')}${didYouMean(value, choices)}` : ''}`,
    {
      field: flag,
    },
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `KEY=VALUE` pairs from a repeatable flag; a pair without `=` or with an empty key is a usage error. */
export function keyValues(flag: string, pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new InputError(`${flag}: '${pair}' is not KEY=VALUE`, { field: flag });
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** Terraform -var values are HCL: `true`, `3`, `["a"]` keep their type; anything else is a string. */
function terraformValue(text: string): unknown {
  const value = evalNode(parseExpression(text), {
    traverse: () => new Unknown('no references in -var values'),
  });
  return isUnknown(value) ? text : value;
}

function owaspLookup(): ((controlId: string) => readonly string[]) | undefined {
  try {
    const catalog = loadCatalog();
    return (id) => catalog.control(id)?.owasp ?? [];
  } catch {
    // The catalog only adds OWASP tags to SARIF; a scan does not depend on it.
    return undefined;
  }
}

function render(
  format: (typeof FORMATS)[number],
  report: ScanReport,
  opts: { color: boolean; showUnknown: boolean },
): string {
  const rules = allRules;
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'sarif': {
      const owaspFor = owaspLookup();
      return `${JSON.stringify(toSarif(report, rules, owaspFor ? { owaspFor } : {}), null, 2)}\n`;
    }
    case 'junit':
      return toJunit(report);
    case 'markdown':
      return toMarkdown(report);
    case 'text':
      return toText(report, opts);
  }
}

export function registerScanCommands(program: Command): void {
  program
    .command('scan')
    .description(
      'Scan CloudFormation, SAM, Terraform (.tf and plan JSON) and CDK output for security and compliance issues',
    )
    .argument('<paths...>', 'files or directories to scan')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a failure at or above this severity exists').default(
        'high',
      ),
    )
    .option('--rules <ids>', 'only these rule ids (comma-separated)')
    .option('--skip-rules <ids>', 'skip these rule ids (comma-separated)')
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--create-baseline <file>', 'write the current failures to a baseline file')
    .option('--baseline <file>', 'treat failures listed in this baseline file as suppressed')
    .option('--show-unknown', 'text format: also list checks that cannot be decided statically')
    .option(
      '--parameter <key=value>',
      'CloudFormation parameter value over template defaults (repeatable)',
      collect,
      [],
    )
    .option(
      '--var <key=value>',
      'Terraform root variable value, like terraform -var (repeatable)',
      collect,
      [],
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 nothing fails at or above --fail-on, 1 something does, 2 usage or parse errors.

Examples:
  aigis scan infra/
  aigis scan template.yaml main.tf --format sarif --out results.sarif
  aigis scan . --fail-on critical --skip-rules s3_bucket_access_logging_enabled
  aigis scan . --create-baseline .aigis-baseline.json && aigis scan . --baseline .aigis-baseline.json
  aigis scan infra/ --parameter Environment=prod --var enable_logging=true`,
    )
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      const opts = validate({ failOn: 'high', ...raw });
      selectRules(allRules, opts.rules, opts.skipRules);
      const baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
      const parameters = opts.parameter.length > 0 ? keyValues('--parameter', opts.parameter) : undefined;
      const variables =
        opts.var.length > 0
          ? Object.fromEntries(
              Object.entries(keyValues('--var', opts.var)).map(([k, v]) => [k, terraformValue(v)]),
            )
          : undefined;
      const showProgress = Boolean(process.stderr.isTTY) && !process.env['CI'];
      const report = await withProgress(showProgress, 'scanning', (onProgress) =>
        scan(paths, {
          ...(opts.rules ? { include: opts.rules } : {}),
          ...(opts.skipRules ? { exclude: opts.skipRules } : {}),
          failOn: opts.failOn as (typeof SEVERITIES)[number],
          ...(baseline ? { baseline } : {}),
          ...(onProgress ? { onProgress } : {}),
          ...(parameters ? { parameters } : {}),
          ...(variables ? { variables } : {}),
        }),
      );
      let exitCode = exitCodeOf(report);
      if (opts.createBaseline) {
        const created = createBaseline(report.results);
        writeFileSync(opts.createBaseline, `${JSON.stringify(created, null, 2)}\n`);
        process.stderr.write(`aigis: wrote ${created.failures.length} failures to ${opts.createBaseline}\n`);
        // Everything failing now is accepted by the baseline just written.
        if (exitCode === 1) exitCode = 0;
      }
      const toFile = opts.out !== undefined;
      const output = render(opts.format, report, {
        color: !toFile && Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
        showUnknown: Boolean(opts.showUnknown),
      });
      if (toFile) writeFileSync(opts.out!, output);
      else process.stdout.write(output);
      if (opts.format !== 'text')
        for (const e of report.errors)
          process.stderr.write(`aigis: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      process.exitCode = exitCode;
    });
}

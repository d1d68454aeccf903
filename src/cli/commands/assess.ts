import { withProgress } from '../progress.js';
import { Option, type Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  assess,
  failsOn,
  FAIL_ON_VALUES,
  resolveManifestFile,
  toAssessText,
  type AssessmentReport,
} from '../../assess/index.js';
import {
  AWS_ACCOUNT_ID_PATTERN,
  AWS_REGION_PATTERN,
  renderReport,
  type ReportOptions,
} from '../../report/index.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';

export const ASSESS_FORMATS = ['text', 'json', 'sarif', 'markdown', 'oscal', 'asff', 'ocsf', 'html'] as const;
type Format = (typeof ASSESS_FORMATS)[number];

const EXTENSION: Record<Format, string> = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  markdown: 'md',
  oscal: 'oscal.json',
  asff: 'asff.json',
  ocsf: 'ocsf.jsonl',
  html: 'html',
};

const optionsSchema = z.object({
  manifest: z.string().min(1).optional(),
  format: z.enum(ASSESS_FORMATS),
  out: z.string().min(1).optional(),
  failOn: z.enum(FAIL_ON_VALUES),
  asOf: z.iso.date().optional(),
  awsAccountId: z.string().regex(AWS_ACCOUNT_ID_PATTERN).optional(),
  awsRegion: z.string().regex(AWS_REGION_PATTERN).optional(),
});

const EXPECTED: Partial<Record<string, string>> = {
  asOf: 'a date YYYY-MM-DD',
  awsAccountId: 'a 12-digit AWS account id',
  awsRegion: 'an AWS region code such as eu-west-1',
};

/** Where ASFF findings are imported: flags first, else the usual AWS environment variables. */
const awsEnvSchema = z.object({
  AWS_ACCOUNT_ID: z.string().regex(AWS_ACCOUNT_ID_PATTERN).optional(),
  AWS_REGION: z.string().regex(AWS_REGION_PATTERN).optional(),
  AWS_DEFAULT_REGION: z.string().regex(AWS_REGION_PATTERN).optional(),
});

/**
 * The account and region for ASFF. Environment variables are read (and validated) only for ASFF, so an
 * unusual AWS_REGION in the shell does not break other formats; an empty variable counts as unset.
 */
export function asffTarget(
  flags: { awsAccountId?: string | undefined; awsRegion?: string | undefined },
  env: NodeJS.ProcessEnv,
): NonNullable<ReportOptions['aws']> {
  const pick = (name: keyof z.infer<typeof awsEnvSchema>): string | undefined =>
    env[name] ? env[name] : undefined;
  const candidates = {
    AWS_ACCOUNT_ID: flags.awsAccountId ? undefined : pick('AWS_ACCOUNT_ID'),
    AWS_REGION: flags.awsRegion ? undefined : pick('AWS_REGION'),
    AWS_DEFAULT_REGION: flags.awsRegion || pick('AWS_REGION') ? undefined : pick('AWS_DEFAULT_REGION'),
  };
  const parsed = awsEnvSchema.safeParse(candidates);
  if (!parsed.success) {
    const name = String(parsed.error.issues[0]!.path[0]) as keyof typeof candidates;
    const expected = name === 'AWS_ACCOUNT_ID' ? EXPECTED['awsAccountId'] : EXPECTED['awsRegion'];
    const flag = name === 'AWS_ACCOUNT_ID' ? '--aws-account-id' : '--aws-region';
    throw new InputError(
      `environment variable ${name}: '${String(candidates[name])}' is not valid; expected ${expected} (or pass ${flag})`,
      { field: name },
    );
  }
  const accountId = flags.awsAccountId ?? parsed.data.AWS_ACCOUNT_ID;
  const region = flags.awsRegion ?? parsed.data.AWS_REGION ?? parsed.data.AWS_DEFAULT_REGION;
  return { ...(accountId ? { accountId } : {}), ...(region ? { region } : {}) };
}

const EXAMPLES = `Examples:
  aigis assess examples/bedrock-rag-chatbot/hardened
  aigis assess . --format html --out out/
  aigis assess . --format html > report.html
  aigis assess . --manifest ops/aigis.yaml --format json --out reports/
  aigis assess . --fail-on foundational
  aigis assess . --format asff --aws-account-id 123456789012 --aws-region eu-west-1 --out out/`;

function validate(raw: Record<string, unknown>): z.infer<typeof optionsSchema> {
  const parsed = optionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const flag = `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const value = String(raw[field]);
  const choices: readonly string[] =
    field === 'format' ? ASSESS_FORMATS : field === 'failOn' ? FAIL_ON_VALUES : [];
  const hint = EXPECTED[field];
  const expected = choices.length
    ? `; expected one of ${choices.join(', ')}${didYouMean(value, choices)}`
    : hint
      ? `; expected ${hint}`
      : '';
  throw new InputError(`${flag}: '${value}' is not valid${expected}`, { field: flag });
}

/** text is the assessment's own terminal summary; every other format comes from the reports module. */
export function renderAssessment(
  report: AssessmentReport,
  format: Format,
  color: boolean,
  opts: ReportOptions = {},
): string {
  if (format === 'text') return toAssessText(report, { color });
  return renderReport(report, format, opts);
}

export function registerAssessCommands(program: Command): void {
  program
    .command('assess')
    .description(
      'Assess an AI workload: which controls apply and why, which hold, the AWS AI Security Framework phase reached, compliance gaps and what to fix first',
    )
    .argument('[dir]', 'folder with aigis.yaml', '.')
    .option('-m, --manifest <file>', 'the manifest, when it is not <dir>/aigis.yaml')
    .addOption(new Option('-f, --format <format>', 'output format').choices(ASSESS_FORMATS).default('text'))
    .option(
      '-o, --out <dir>',
      'write the report into this folder (the text summary still goes to the terminal)',
    )
    .addOption(
      new Option(
        '--fail-on <level>',
        'exit 1 when the phase reached is below this phase, or a not-met control has at least this severity',
      ).default('none'),
    )
    .option(
      '--as-of <date>',
      'assess as of this date (YYYY-MM-DD) for review cadences and attestation expiry; default today',
    )
    .option(
      '--aws-account-id <id>',
      'asff: the 12-digit account the findings are imported into (default $AWS_ACCOUNT_ID, else 000000000000)',
    )
    .option(
      '--aws-region <region>',
      'asff: the region the findings are imported into (default $AWS_REGION or $AWS_DEFAULT_REGION, else us-east-1)',
    )
    .addHelpText(
      'after',
      `
--fail-on: none (default) never fails; foundational|scaling|industrialized fails when the phase reached
is below it; low|medium|high|critical fails when a not-met control of at least that severity exists
(controls whose status is unknown need evidence or an attestation and do not fail by severity).

Exit codes: 0 passes --fail-on, 1 fails it, 2 bad manifest, flags or unparseable infrastructure files.

Output: the text summary goes to stdout. Any other format goes to stdout too (redirect it, e.g.
'--format html > report.html'), unless --out DIR is given: then the report is written to
DIR/<system-name>.<ext> and the text summary is printed.

${EXAMPLES}`,
    )
    .action(async (dir: string, raw: Record<string, unknown>) => {
      const opts = validate({ failOn: 'none', format: 'text', ...raw });
      const reportOptions: ReportOptions =
        opts.format === 'asff' ? { aws: asffTarget(opts, process.env) } : {};
      const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
      const showProgress = Boolean(process.stderr.isTTY) && !process.env['CI'];
      // A missing manifest is the usual first mistake: answer it with the examples, before any scanning.
      if (!opts.manifest) {
        try {
          resolveManifestFile(dir);
        } catch (err) {
          if (err instanceof InputError && err.field === 'manifest')
            throw new InputError(`${err.message}\n\n${EXAMPLES}\n(aigis assess --help for every option)`, {
              ...(err.file ? { file: err.file } : {}),
              field: 'manifest',
            });
          throw err;
        }
      }
      const report = await withProgress(showProgress, 'scanning', (onProgress) =>
        assess(dir, {
          ...(opts.manifest ? { manifest: opts.manifest } : {}),
          ...(opts.asOf ? { now: new Date(`${opts.asOf}T00:00:00Z`) } : {}),
          ...(onProgress ? { onProgress } : {}),
        }),
      );
      // Render before writing anything, so an unavailable format leaves no half-written output.
      const rendered = renderAssessment(report, opts.format, opts.out ? false : color, reportOptions);
      if (opts.out) {
        mkdirSync(opts.out, { recursive: true });
        const file = join(opts.out, `${slug(report.system.name) || basename(dir)}.${EXTENSION[opts.format]}`);
        writeFileSync(file, rendered);
        process.stdout.write(toAssessText(report, { color }));
        process.stdout.write(`report written to ${file}\n`);
      } else process.stdout.write(rendered);
      for (const e of report.errors) process.stderr.write(`error: ${e}\n`);
      if (report.errors.length > 0) process.exitCode = 2;
      else if (failsOn(report, opts.failOn)) process.exitCode = 1;
    });
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

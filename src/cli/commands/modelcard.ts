import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  MODEL_CARD_FORMATS,
  exportModelCard,
  formatOfFile,
  isComplete,
  modelCardTemplate,
  parseReviewCadence,
  readModelCard,
  validateModelCard,
  type ModelCardFinding,
  type ModelCardFormat,
  type ModelCardGovernance,
  type ModelCustomization,
  type ModelCard,
} from '../../modelcard/index.js';
import {
  cardCustomization,
  determineEuAiAct,
  determineRegulations,
  determineScope,
  loadManifest,
  type Regulation,
} from '../../assess/index.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';

const EU_AI_ACT_TIERS = ['prohibited', 'high', 'limited', 'minimal'] as const;
const VALIDATE_OUTPUTS = ['text', 'json'] as const;

function choice<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const found = values.find((v) => v === value.trim().toLowerCase());
    if (found === undefined)
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}${didYouMean(value, values)}.`);
    return found;
  };
}

function scopeArg(value: string): 1 | 2 | 3 | 4 | 5 {
  if (!/^[1-5]$/.test(value.trim()))
    throw new InvalidArgumentError('expected a scoping matrix scope from 1 to 5.');
  return Number(value.trim()) as 1 | 2 | 3 | 4 | 5;
}

function frameworksArg(value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0 || ids.some((id) => !/^[a-z0-9][a-z0-9._:-]{0,99}$/i.test(id)))
    throw new InvalidArgumentError('expected comma-separated framework ids such as nist-ai-rmf,iso-42001.');
  return ids;
}

function cadenceArg(value: string): number {
  try {
    return parseReviewCadence(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof Error ? err.message : String(err));
  }
}

function writeOut(out: string | undefined, text: string, force: boolean): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  if (existsSync(out) && !force)
    throw new InputError(`${out}: already exists (use --force to overwrite)`, { file: out });
  writeFileSync(out, text);
  process.stderr.write(`aigis: wrote ${out}\n`);
}

/** The catalog framework of each regulation aigis determines. */
const REGULATION_FRAMEWORK: Record<Regulation, string> = {
  GDPR: 'gdpr',
  'EU-AI-Act': 'eu-ai-act',
  HIPAA: 'hipaa-security',
  'PCI-DSS': 'pci-dss-v4',
};

/** Scope, EU AI Act tier and the regulations' frameworks as aigis assess determines them from aigis.yaml. */
export function governanceFromManifest(dirOrFile: string): ModelCardGovernance {
  const { manifest } = loadManifest(dirOrFile);
  const regulations = determineRegulations(manifest);
  return {
    scope: determineScope(manifest).scope,
    euAiActTier: determineEuAiAct(manifest, regulations).tier,
    frameworks: regulations.map((r) => REGULATION_FRAMEWORK[r.id]),
  };
}

/**
 * The manifest's customization of the model a card describes: the model whose `modelCard` is this file,
 * else the one whose id is the card's model_id, model_name or file name (as aigis assess matches them).
 * A model of provider `self` counts as self-trained.
 */
export function customizationLookup(
  dirOrFile: string,
): (file: string, card: ModelCard) => ModelCustomization | undefined {
  const { manifest, dir } = loadManifest(dirOrFile);
  return (file, card) => {
    const path = resolve(file);
    const named = manifest.models.find(
      (m) => m.modelCard !== undefined && resolve(dir, m.modelCard) === path,
    );
    if (named) return cardCustomization(named);
    const ids = [
      card.content.model_overview?.model_id,
      card.content.model_overview?.model_name,
      basename(file, extname(file)),
    ];
    const byId = manifest.models.find((m) => ids.includes(m.id));
    return byId ? cardCustomization(byId) : undefined;
  };
}

const CARD_EXTENSIONS = new Set(['.json', '.md', '.markdown']);

/** Files as given; a folder stands for the model cards directly in it (sorted, so output order is stable). */
export function expandCardPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      return [p]; // the reader reports the missing file with its name
    }
    if (!isDir) return [p];
    const found = readdirSync(p)
      .filter((n) => CARD_EXTENSIONS.has(extname(n).toLowerCase()))
      .sort()
      .map((n) => join(p, n));
    if (found.length === 0)
      throw new InputError(`${p}: no model cards (.json, .md) in this folder`, { file: p });
    return found;
  });
}

export function formatFinding(file: string, f: ModelCardFinding): string {
  return `${file}${f.line ? `:${f.line}` : ''}: ${f.field}: ${f.level}: ${f.message} [${f.check}]`;
}

export function registerModelcardCommands(program: Command): void {
  const modelcard = program
    .command('modelcard')
    .description('Model cards: SageMaker Model Card content JSON or Markdown with YAML front matter');

  modelcard
    .command('init')
    .description('write a model card template with every section and a TODO in each field to fill')
    .option('--model <id>', 'model id and name to put in the card', 'my-model')
    .addOption(
      new Option(
        '-f, --format <format>',
        'sagemaker (content JSON) or markdown; default from --out, else markdown',
      ).argParser(choice(MODEL_CARD_FORMATS)),
    )
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--force', 'overwrite --out if it exists')
    .addHelpText(
      'after',
      `
Examples:
  aigis modelcard init --model credit-scorer --out model-cards/credit-scorer.md
  aigis modelcard init --model credit-scorer --format sagemaker > card.json`,
    )
    .action((opts: { model: string; format?: ModelCardFormat; out?: string; force?: boolean }) => {
      if (!/^[\w.:/@-]{1,1024}$/.test(opts.model))
        throw new InputError(`--model: "${opts.model}" is not a model id`, { field: 'model' });
      const format = opts.format ?? (opts.out ? formatOfFile(opts.out) : 'markdown');
      writeOut(opts.out, exportModelCard(modelCardTemplate(opts.model), format), Boolean(opts.force));
    });

  modelcard
    .command('validate')
    .description('check model cards are valid and complete')
    .argument(
      '<files...>',
      'model card files (.json content JSON, .md Markdown with front matter) or folders of them',
    )
    .option(
      '--review-cadence <period>',
      'the last review must be within this period: days, or 90d, 12w, 6m, 1y',
      cadenceArg,
    )
    .addOption(
      new Option('--output <format>', 'text or json').argParser(choice(VALIDATE_OUTPUTS)).default('text'),
    )
    .option(
      '--manifest <path>',
      'aigis.yaml (or its folder): a card of a model it declares fine-tuned or self-trained must list training datasets',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 every card is complete, 1 a card is incomplete, 2 a card is invalid or unreadable.

A card of a provider's foundation model used unchanged may say who trained it and where that is documented
(training_details.training_observations) instead of listing training datasets; with --manifest, a card of
a model the manifest declares fine-tuned, continued-pretraining or self-trained must list them.

Examples:
  aigis modelcard validate model-cards/ --review-cadence 6m
  aigis modelcard validate card.json --output json
  aigis modelcard validate examples/credit-scoring/model-cards --manifest examples/credit-scoring`,
    )
    .action(
      (
        files: string[],
        opts: { reviewCadence?: number; output: (typeof VALIDATE_OUTPUTS)[number]; manifest?: string },
      ) => {
        const customizationOf = opts.manifest === undefined ? undefined : customizationLookup(opts.manifest);
        let exitCode = 0;
        const results: Array<{
          file: string;
          valid: boolean;
          complete: boolean;
          error?: string;
          findings: ModelCardFinding[];
        }> = [];
        for (const file of expandCardPaths(files)) {
          try {
            const card = readModelCard(file);
            const customization = customizationOf?.(file, card);
            const findings = validateModelCard(card, {
              ...(opts.reviewCadence === undefined ? {} : { reviewCadence: opts.reviewCadence }),
              ...(customization === undefined ? {} : { customization }),
            });
            const complete = isComplete(findings);
            if (!complete) exitCode = Math.max(exitCode, 1);
            results.push({ file, valid: true, complete, findings });
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
            exitCode = 2;
            results.push({ file, valid: false, complete: false, error: err.message, findings: [] });
          }
        }
        if (opts.output === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        else
          for (const r of results) {
            if (r.error !== undefined) process.stdout.write(`${r.error}\n`);
            for (const f of r.findings) process.stdout.write(`${formatFinding(r.file, f)}\n`);
            if (r.valid) process.stdout.write(`${r.file}: ${r.complete ? 'complete' : 'incomplete'}\n`);
          }
        process.exitCode = exitCode;
      },
    );

  modelcard
    .command('export')
    .description('convert a model card between SageMaker content JSON and Markdown')
    .argument('<file>', 'model card file')
    .addOption(
      new Option('-f, --format <format>', 'sagemaker or markdown')
        .argParser(choice(MODEL_CARD_FORMATS))
        .makeOptionMandatory(),
    )
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--force', 'overwrite --out if it exists')
    .option('--scope <n>', 'Generative AI Security Scoping Matrix scope (1-5), into custom_details', scopeArg)
    .addOption(
      new Option('--eu-ai-act-tier <tier>', 'EU AI Act risk tier, into custom_details').argParser(
        choice(EU_AI_ACT_TIERS),
      ),
    )
    .option('--frameworks <ids>', 'comma-separated framework ids, into custom_details', frameworksArg)
    .option(
      '--manifest <path>',
      'take scope, EU AI Act tier and frameworks from this aigis.yaml (or its folder); the flags above override',
    )
    .addHelpText(
      'after',
      `
The content JSON is what CreateModelCard takes as Content, e.g.
  aws sagemaker create-model-card --model-card-name credit-scorer --model-card-status Draft \\
    --content file://card.json

Examples:
  aigis modelcard export model-cards/credit-scorer.md --format sagemaker --scope 3 --eu-ai-act-tier high --out card.json
  aigis modelcard export card.json --format markdown
  aigis modelcard export model-cards/credit-scorer.md --format sagemaker --manifest . --out card.json`,
    )
    .action(
      (
        file: string,
        opts: {
          format: ModelCardFormat;
          out?: string;
          force?: boolean;
          scope?: 1 | 2 | 3 | 4 | 5;
          euAiActTier?: (typeof EU_AI_ACT_TIERS)[number];
          frameworks?: string[];
          manifest?: string;
        },
      ) => {
        const governance: ModelCardGovernance = {
          ...(opts.manifest !== undefined ? governanceFromManifest(opts.manifest) : {}),
          ...(opts.scope !== undefined ? { scope: opts.scope } : {}),
          ...(opts.euAiActTier !== undefined ? { euAiActTier: opts.euAiActTier } : {}),
          ...(opts.frameworks !== undefined ? { frameworks: opts.frameworks } : {}),
        };
        writeOut(
          opts.out,
          exportModelCard(readModelCard(file), opts.format, { governance }),
          Boolean(opts.force),
        );
      },
    );
}

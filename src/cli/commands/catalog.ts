import { InvalidArgumentError, Option, type Command } from 'commander';
import pc from 'picocolors';
import {
  CHECK_METHODS,
  CONTROL_FIELDS,
  DID_LAYERS,
  LAYERS,
  PHASES,
  SCOPES,
  loadCatalog,
  type Catalog,
  type Control,
  type ControlFilter,
  type DidLayer,
  type FrameworkCoverage,
  type Layer,
  type Phase,
  type Scope,
} from '../../catalog/index.js';
import { didYouMean } from '../../util/suggest.js';

const LIST_FORMATS = ['table', 'json', 'csv'] as const;
const SHOW_FORMATS = ['table', 'json'] as const;
type ListFormat = (typeof LIST_FORMATS)[number];
type ShowFormat = (typeof SHOW_FORMATS)[number];

/** A commander argument parser that accepts one of `values` and otherwise names the closest one. */
export function choiceParser<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const found = values.find((v) => v === value.trim().toLowerCase());
    if (found === undefined)
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}${didYouMean(value, values)}.`);
    return found;
  };
}

/** A commander argument parser for an integer among `values`. */
export function intChoiceParser<T extends number>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const n = Number(value.trim());
    const found = values.find((v) => v === n);
    if (found === undefined || !/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(
        `expected an integer from ${values[0]} to ${values[values.length - 1]}.`,
      );
    return found;
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering: pure functions from catalog data to text, so tests can check them without a terminal.

/** A control as JSON with exactly the catalog fields, in their documented order. */
export function controlToJson(control: Control): Record<(typeof CONTROL_FIELDS)[number], unknown> {
  return Object.fromEntries(CONTROL_FIELDS.map((field) => [field, control[field]])) as Record<
    (typeof CONTROL_FIELDS)[number],
    unknown
  >;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const CSV_COLUMNS = [
  'id',
  'title',
  'layer',
  'phase',
  'didLayer',
  'scopes',
  'responsibility',
  'owasp',
  'references',
  'checks',
  'description',
  'rationale',
  'remediation',
] as const;

/** RFC 4180 CSV, one row per control; lists are space-separated, references `framework=req|req; ...`. */
export function renderControlsCsv(controls: readonly Control[]): string {
  const rows = controls.map((c) =>
    [
      c.id,
      c.title,
      c.layer,
      c.phase,
      String(c.didLayer),
      c.scopes.join(' '),
      Object.entries(c.responsibility)
        .map(([scope, who]) => `${scope}=${who}`)
        .join(' '),
      c.owasp.join(' '),
      Object.entries(c.references)
        .map(([fw, ids]) => `${fw}=${ids.join('|')}`)
        .join('; '),
      c.checks.join(' '),
      c.description,
      c.rationale,
      c.remediation,
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/** Greedy word wrap; words longer than the width stay whole on their own line. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

const layerColour: Record<Layer, (s: string) => string> = {
  infrastructure: pc.blue,
  'identity-data': pc.magenta,
  'ai-application': pc.green,
};

/** A table of controls that fits `width` columns by shortening titles. */
export function renderControlsTable(controls: readonly Control[], width: number): string {
  const idWidth = Math.max(2, ...controls.map((c) => c.id.length));
  const fixed: Array<{
    head: string;
    size: number;
    cell: (c: Control) => string;
    colour?: (c: Control, s: string) => string;
  }> = [
    { head: 'ID', size: idWidth, cell: (c) => c.id, colour: (_c, s) => pc.cyan(s) },
    { head: 'LAYER', size: 14, cell: (c) => c.layer, colour: (c, s) => layerColour[c.layer](s) },
    { head: 'PHASE', size: 14, cell: (c) => c.phase },
    { head: 'DID', size: 3, cell: (c) => String(c.didLayer) },
    { head: 'SCOPES', size: 9, cell: (c) => c.scopes.join(',') },
  ];
  // On narrow terminals drop the least useful columns before squeezing titles below readable length.
  for (const optional of ['PHASE', 'LAYER', 'SCOPES']) {
    if (width - fixed.reduce((n, col) => n + col.size + 2, 0) >= 30) break;
    fixed.splice(
      fixed.findIndex((col) => col.head === optional),
      1,
    );
  }
  const used = fixed.reduce((n, col) => n + col.size + 2, 0);
  const titleWidth = Math.max(10, width - used);
  const header = [...fixed.map((col) => col.head.padEnd(col.size)), 'TITLE'].join('  ');
  const lines = [pc.bold(header)];
  for (const c of controls) {
    const cells = fixed.map((col) => {
      const padded = truncate(col.cell(c), col.size).padEnd(col.size);
      return col.colour ? col.colour(c, padded) : padded;
    });
    lines.push([...cells, truncate(c.title, titleWidth)].join('  '));
  }
  return lines.join('\n') + '\n';
}

function didName(catalog: Catalog, did: DidLayer): string {
  return catalog.requirement('aws-defense-in-depth', String(did))?.title.toLowerCase() ?? '';
}

function scopeName(catalog: Catalog, scope: Scope): string {
  return catalog.requirement('aws-genai-scoping-matrix', `scope-${scope}`)?.title.toLowerCase() ?? '';
}

/** Every field of a control, with requirement titles next to reference ids. */
export function renderControl(catalog: Catalog, control: Control, width: number): string {
  const label = (s: string) => pc.dim(s.padEnd(16));
  const owasp = control.owasp.map((id) => {
    const fw = catalog.frameworks.find((f) => f.kind === 'owasp' && f.requirements.some((r) => r.id === id));
    const title = fw?.requirements.find((r) => r.id === id)?.title;
    return title ? `${id} ${title}` : id;
  });
  const out = [
    pc.bold(pc.cyan(control.id)),
    wrap(control.title, width),
    '',
    `${label('Layer')}${layerColour[control.layer](control.layer)}`,
    `${label('Phase')}${control.phase}`,
    `${label('Defense layer')}${control.didLayer} ${didName(catalog, control.didLayer)}`,
    `${label('Scopes')}${control.scopes.map((s) => `${s} ${scopeName(catalog, s)} (${control.responsibility[s] ?? '?'})`).join(', ')}`,
    `${label('OWASP')}${owasp.length ? owasp.join(', ') : pc.dim('none')}`,
    `${label('Checks')}${control.checks.join(', ')}`,
  ];
  for (const [name, text] of [
    ['Description', control.description],
    ['Rationale', control.rationale],
    ['Remediation', control.remediation],
  ] as const) {
    out.push('', pc.bold(name), wrap(text, width, '  '));
  }
  out.push('', pc.bold('References'));
  for (const [frameworkId, ids] of Object.entries(control.references)) {
    const framework = catalog.framework(frameworkId);
    out.push(`  ${framework?.name ?? frameworkId} ${pc.dim(`(${frameworkId})`)}`);
    const idWidth = Math.max(...ids.map((id) => id.length));
    for (const id of ids) {
      const title = catalog.requirement(frameworkId, id)?.title ?? '';
      out.push(`    ${id.padEnd(idWidth)}  ${truncate(title, Math.max(20, width - idWidth - 6))}`);
    }
  }
  return out.join('\n') + '\n';
}

export function frameworkSummaries(catalog: Catalog) {
  return catalog.frameworks.map((f) => {
    const coverage = catalog.coverage(f.id);
    return {
      id: f.id,
      name: f.name,
      version: f.version,
      kind: f.kind,
      url: f.url,
      requirements: f.requirements.length,
      covered: f.requirements.length - coverage.uncovered.length,
    };
  });
}

export function renderFrameworksTable(catalog: Catalog, width: number): string {
  const rows = frameworkSummaries(catalog);
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const lines = [pc.bold(`${'ID'.padEnd(idWidth)}  ${'KIND'.padEnd(10)}  ${'COVERED'.padStart(9)}  NAME`)];
  for (const r of rows) {
    const covered = `${r.covered}/${r.requirements}`.padStart(9);
    const fixed = idWidth + 2 + 10 + 2 + 9 + 2;
    lines.push(
      `${pc.cyan(r.id.padEnd(idWidth))}  ${r.kind.padEnd(10)}  ${r.covered === r.requirements ? pc.green(covered) : covered}  ${truncate(r.name, Math.max(20, width - fixed))}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function coverageToJson(coverage: FrameworkCoverage) {
  const { framework } = coverage;
  return {
    framework: {
      id: framework.id,
      name: framework.name,
      version: framework.version,
      kind: framework.kind,
      url: framework.url,
      description: framework.description,
      ...(framework.scopes ? { scopes: framework.scopes } : {}),
    },
    requirements: coverage.requirements.map(({ requirement, controls }) => ({
      id: requirement.id,
      title: requirement.title,
      ...(requirement.description ? { description: requirement.description } : {}),
      ...(requirement.aliases ? { aliases: requirement.aliases } : {}),
      controls: controls.map((c) => c.id),
    })),
    uncovered: coverage.uncovered.map((r) => r.id),
  };
}

export function renderCoverage(coverage: FrameworkCoverage, width: number): string {
  const { framework } = coverage;
  const out = [
    `${pc.bold(framework.name)} ${pc.dim(`(${framework.id}, version ${framework.version})`)}`,
    pc.dim(framework.url),
    wrap(framework.description, width),
    '',
  ];
  if (framework.scopes) {
    const parts = [...new Set(framework.scopes.flatMap((s) => Object.keys(s.responsibility)))];
    const nameWidth = Math.max(5, ...framework.scopes.map((s) => `${s.scope} ${s.name}`.length)) + 2;
    const cell = (p: string, text: string) => text.padEnd(Math.max(p.length, 8) + 2);
    out.push(pc.bold('Shared responsibility by scope'));
    out.push(`  ${'SCOPE'.padEnd(nameWidth)}${parts.map((p) => cell(p, p)).join('')}`.trimEnd());
    for (const s of framework.scopes) {
      out.push(
        `  ${`${s.scope} ${s.name}`.padEnd(nameWidth)}${parts.map((p) => cell(p, s.responsibility[p] ?? '-')).join('')}`.trimEnd(),
      );
    }
    out.push('');
  }
  const idWidth = Math.min(24, Math.max(...coverage.requirements.map((r) => r.requirement.id.length)));
  for (const { requirement, controls } of coverage.requirements) {
    const id = requirement.id.padEnd(idWidth);
    const count = controls.length
      ? pc.green(`${controls.length} control${controls.length === 1 ? '' : 's'}`)
      : pc.yellow('no control');
    out.push(`${pc.cyan(id)}  ${truncate(requirement.title, Math.max(20, width - idWidth - 16))}  ${count}`);
    if (controls.length)
      out.push(pc.dim(wrap(controls.map((c) => c.id).join(', '), width, ' '.repeat(idWidth + 2))));
  }
  out.push('');
  const total = coverage.requirements.length;
  if (coverage.uncovered.length === 0)
    out.push(pc.green(`Every one of the ${total} requirements is covered by at least one control.`));
  else {
    out.push(pc.bold(`Requirements no control covers (${coverage.uncovered.length} of ${total}):`));
    for (const r of coverage.uncovered)
      out.push(
        `  ${pc.yellow(r.id.padEnd(idWidth))}  ${truncate(r.title, Math.max(20, width - idWidth - 4))}`,
      );
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Commands: parse flags, call the catalog, print.

function terminalWidth(): number {
  // Piped output is not cut: another program, not a person, reads it.
  return process.stdout.isTTY ? Math.max(60, process.stdout.columns ?? 100) : 200;
}

function print(text: string): void {
  process.stdout.write(text);
}

interface ListOptions {
  framework?: string;
  scope?: Scope;
  layer?: Layer;
  phase?: Phase;
  did?: DidLayer;
  owasp?: string;
  format: ListFormat;
}

export function registerCatalogCommands(program: Command): void {
  const controls = program
    .command('controls')
    .description('List and show the controls of the catalog')
    .addHelpText(
      'after',
      `
Examples:
  aigis controls list --scope 3 --owasp LLM01:2025
  aigis controls show guardrail-prompt-attack-filter`,
    );

  controls
    .command('list')
    .description('List controls, optionally filtered; all filters must match')
    .option(
      '--framework <id>',
      'controls that cover a requirement of this framework (see aigis frameworks list)',
    )
    .addOption(
      new Option(
        '--scope <n>',
        'generative AI scoping matrix scope, 1 (consumer app) to 5 (self-trained model)',
      ).argParser(intChoiceParser(SCOPES)),
    )
    .addOption(
      new Option('--layer <layer>', `AWS AI Security Framework layer: ${LAYERS.join(', ')}`).argParser(
        choiceParser(LAYERS),
      ),
    )
    .addOption(
      new Option('--phase <phase>', `maturity phase: ${PHASES.join(', ')}`).argParser(choiceParser(PHASES)),
    )
    .addOption(
      new Option(
        '--did <n>',
        'defense-in-depth layer, 1 (data protection) to 7 (policies and awareness)',
      ).argParser(intChoiceParser(DID_LAYERS)),
    )
    .option('--owasp <id>', 'OWASP id, e.g. LLM01:2025, ASI02, or a 2023 id such as LLM06')
    .addOption(
      new Option('--format <format>', `output format: ${LIST_FORMATS.join(', ')}`)
        .default('table')
        .argParser(choiceParser(LIST_FORMATS)),
    )
    .addHelpText(
      'after',
      `
Examples:
  aigis controls list
  aigis controls list --phase foundational --layer ai-application
  aigis controls list --scope 1
  aigis controls list --framework eu-ai-act --format csv > eu-ai-act-controls.csv
  aigis controls list --owasp LLM06 --format json    (2023 id, read as LLM02:2025)
Check methods a control may have: ${CHECK_METHODS.join(', ')}`,
    )
    .action((opts: ListOptions) => {
      const catalog = loadCatalog();
      const filter: ControlFilter = {};
      if (opts.framework !== undefined) filter.framework = opts.framework;
      if (opts.scope !== undefined) filter.scope = opts.scope;
      if (opts.layer !== undefined) filter.layer = opts.layer;
      if (opts.phase !== undefined) filter.phase = opts.phase;
      if (opts.did !== undefined) filter.did = opts.did;
      if (opts.owasp !== undefined) filter.owasp = opts.owasp;
      const found = catalog.filterControls(filter);
      if (opts.format === 'json') print(JSON.stringify(found.map(controlToJson), null, 2) + '\n');
      else if (opts.format === 'csv') print(renderControlsCsv(found));
      else {
        print(renderControlsTable(found, terminalWidth()));
        process.stderr.write(pc.dim(`${found.length} of ${catalog.controls.length} controls\n`));
      }
    });

  controls
    .command('show')
    .description('Show every field of one control, with the titles of the requirements it references')
    .argument('<id>', 'control id, e.g. inference-endpoint-cmk-encryption')
    .addOption(
      new Option('--format <format>', `output format: ${SHOW_FORMATS.join(', ')}`)
        .default('table')
        .argParser(choiceParser(SHOW_FORMATS)),
    )
    .addHelpText(
      'after',
      `
Examples:
  aigis controls show notebook-root-access-disabled
  aigis controls show model-card-with-risk-rating --format json`,
    )
    .action((id: string, opts: { format: ShowFormat }) => {
      const catalog = loadCatalog();
      const control = catalog.requireControl(id);
      if (opts.format === 'json') print(JSON.stringify(controlToJson(control), null, 2) + '\n');
      else print(renderControl(catalog, control, terminalWidth()));
    });

  const frameworks = program
    .command('frameworks')
    .description('List frameworks and show which controls cover each requirement')
    .addHelpText(
      'after',
      `
Examples:
  aigis frameworks list
  aigis frameworks show owasp-llm-2025`,
    );

  frameworks
    .command('list')
    .description('List the frameworks with how many of their requirements controls cover')
    .addOption(
      new Option('--format <format>', `output format: ${SHOW_FORMATS.join(', ')}`)
        .default('table')
        .argParser(choiceParser(SHOW_FORMATS)),
    )
    .addHelpText(
      'after',
      `
Examples:
  aigis frameworks list
  aigis frameworks list --format json`,
    )
    .action((opts: { format: ShowFormat }) => {
      const catalog = loadCatalog();
      if (opts.format === 'json') print(JSON.stringify(frameworkSummaries(catalog), null, 2) + '\n');
      else print(renderFrameworksTable(catalog, terminalWidth()));
    });

  frameworks
    .command('show')
    .description(
      'Show each requirement of a framework, the controls covering it, and the requirements no control covers',
    )
    .argument('<id>', 'framework id, e.g. iso-27001-2022 (see aigis frameworks list)')
    .addOption(
      new Option('--format <format>', `output format: ${SHOW_FORMATS.join(', ')}`)
        .default('table')
        .argParser(choiceParser(SHOW_FORMATS)),
    )
    .addHelpText(
      'after',
      `
Examples:
  aigis frameworks show owasp-llm-2025
  aigis frameworks show aws-genai-scoping-matrix
  aigis frameworks show iso-42001-2023 --format json | jq '.uncovered'`,
    )
    .action((id: string, opts: { format: ShowFormat }) => {
      const catalog = loadCatalog();
      const coverage = catalog.coverage(catalog.requireFramework(id).id);
      if (opts.format === 'json') print(JSON.stringify(coverageToJson(coverage), null, 2) + '\n');
      else print(renderCoverage(coverage, terminalWidth()));
    });
}

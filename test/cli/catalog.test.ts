import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { CONTROL_FIELDS, loadCatalog } from '../../src/catalog/index.js';
import { CSV_COLUMNS, renderControlsCsv, renderControlsTable, wrap } from '../../src/cli/commands/catalog.js';
import { InputError } from '../../src/util/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const catalog = loadCatalog();

let stdout = '';
beforeEach(() => {
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<void> {
  await buildProgram().parseAsync(['node', 'aigis', ...args]);
}

/** Minimal RFC 4180 reader, enough to check what renderControlsCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('aigis controls list', () => {
  it('prints JSON controls with exactly the catalog fields', async () => {
    await run('controls', 'list', '--scope', '1', '--format', 'json');
    const controls = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(controls.length).toBe(catalog.filterControls({ scope: 1 }).length);
    expect(controls.length).toBeGreaterThan(0);
    for (const c of controls) {
      expect(Object.keys(c)).toEqual([...CONTROL_FIELDS]);
      expect(c.scopes).toContain(1);
    }
  });

  it('applies every filter flag', async () => {
    await run(
      'controls',
      'list',
      '--layer',
      'ai-application',
      '--phase',
      'scaling',
      '--did',
      '3',
      '--owasp',
      'llm01',
      '--format',
      'json',
    );
    const got = (JSON.parse(stdout) as Array<{ id: string }>).map((c) => c.id);
    const expected = catalog
      .filterControls({ layer: 'ai-application', phase: 'scaling', did: 3, owasp: 'LLM01:2025' })
      .map((c) => c.id);
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(0);
  });

  it('filters by framework', async () => {
    await run('controls', 'list', '--framework', 'eu-ai-act', '--format', 'json');
    const got = JSON.parse(stdout) as Array<{ references: Record<string, string[]> }>;
    expect(got.length).toBeGreaterThan(0);
    for (const c of got) expect(Object.keys(c.references)).toContain('eu-ai-act');
  });

  it('prints CSV with one row per control that round-trips quoted fields', async () => {
    await run('controls', 'list', '--did', '7', '--format', 'csv');
    const rows = parseCsv(stdout);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const controls = catalog.filterControls({ did: 7 });
    expect(rows).toHaveLength(controls.length + 1);
    expect(rows[1]![1]).toBe(controls[0]!.title);
    expect(rows[1]![CSV_COLUMNS.indexOf('description')]).toBe(controls[0]!.description);
  });

  it('rejects an unknown framework with a suggestion', async () => {
    await expect(run('controls', 'list', '--framework', 'iso-27001')).rejects.toThrow(
      /did you mean 'iso-27001-2022'/,
    );
  });

  it('rejects bad flag values as usage errors', async () => {
    await expect(run('controls', 'list', '--scope', '6')).rejects.toBeInstanceOf(CommanderError);
    await expect(run('controls', 'list', '--layer', 'identity')).rejects.toBeInstanceOf(CommanderError);
    await expect(run('controls', 'list', '--format', 'xml')).rejects.toBeInstanceOf(CommanderError);
  });
});

describe('aigis controls show', () => {
  it('prints every field with requirement titles', async () => {
    await run('controls', 'show', 'notebook-root-access-disabled');
    const control = catalog.requireControl('notebook-root-access-disabled');
    expect(stdout).toContain(control.title);
    expect(stdout).toContain(control.remediation.split(' ').slice(0, 4).join(' '));
    expect(stdout).toContain('Least Privilege: Non-privileged Access for Nonsecurity Functions');
  });

  it('names the closest control id for a typo', async () => {
    const err = await run('controls', 'show', 'notebook-root-acess-disabled').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain("did you mean 'notebook-root-access-disabled'");
  });
});

describe('aigis frameworks', () => {
  it('lists every framework with its coverage', async () => {
    await run('frameworks', 'list', '--format', 'json');
    const rows = JSON.parse(stdout) as Array<{ id: string; requirements: number; covered: number }>;
    expect(rows.map((r) => r.id)).toEqual(catalog.frameworks.map((f) => f.id));
    const owasp = rows.find((r) => r.id === 'owasp-llm-2025')!;
    expect(owasp).toMatchObject({ requirements: 10, covered: 10 });
  });

  it('shows each requirement with its controls and the uncovered ones', async () => {
    await run('frameworks', 'show', 'iso-27001-2022', '--format', 'json');
    const shown = JSON.parse(stdout) as {
      requirements: Array<{ id: string; controls: string[] }>;
      uncovered: string[];
    };
    const coverage = catalog.coverage('iso-27001-2022');
    expect(shown.requirements).toHaveLength(93);
    expect(shown.uncovered).toEqual(coverage.uncovered.map((r) => r.id));
    expect(shown.requirements.find((r) => r.id === 'A.8.24')!.controls).toContain(
      'inference-endpoint-cmk-encryption',
    );
  });

  it('prints the uncovered requirements in the table view', async () => {
    await run('frameworks', 'show', 'hipaa-security');
    expect(stdout).toMatch(/Requirements no control covers \(\d+ of 53\)/);
  });
});

describe('rendering', () => {
  it('fits the controls table to the terminal width', () => {
    for (const width of [60, 80, 100, 120, 200]) {
      const plain = renderControlsTable(catalog.controls, width).replace(/\x1b\[[0-9;]*m/g, '');
      for (const line of plain.trimEnd().split('\n'))
        expect(line.length, `width ${width}`).toBeLessThanOrEqual(width);
      expect(plain).toContain(catalog.controls[0]!.id);
    }
  });

  it('quotes CSV fields with commas, quotes and newlines', () => {
    const control = { ...catalog.controls[0]!, title: 'a "quoted", multi\nline title' };
    const rows = parseCsv(renderControlsCsv([control]));
    expect(rows[1]![1]).toBe(control.title);
  });

  it('wraps text without losing words and within the width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 60 }),
        fc.integer({ min: 12, max: 80 }),
        (words, width) => {
          const out = wrap(words.join(' '), width, '  ');
          expect(out.split(/\s+/).filter(Boolean)).toEqual(words);
          // A line may only overflow when it holds a single word that is longer than the room.
          for (const line of out.split('\n'))
            if (line.trim().includes(' ')) expect(line.length).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});

describe('the aigis binary', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('exits 0 on success and 2 on usage errors and unknown ids', () => {
    const ok = cli('controls', 'list', '--phase', 'foundational', '--format', 'csv');
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));

    const badLayer = cli('controls', 'list', '--layer', 'ai-aplication');
    expect(badLayer.status).toBe(2);
    expect(badLayer.stderr).toContain("did you mean 'ai-application'");

    const unknownOption = cli('controls', 'list', '--framwork', 'gdpr');
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toMatch(/Did you mean --framework\?/);

    const unknownFramework = cli('frameworks', 'show', 'owasp-llm');
    expect(unknownFramework.status).toBe(2);
    expect(unknownFramework.stderr).toContain("did you mean 'owasp-llm-2025'");
  }, 60_000);

  it('prints examples in --help of every catalog command', () => {
    for (const args of [
      ['controls', 'list'],
      ['controls', 'show'],
      ['frameworks', 'list'],
      ['frameworks', 'show'],
    ]) {
      const help = cli(...args, '--help');
      expect(help.status, args.join(' ')).toBe(0);
      expect(help.stdout).toContain('Examples:');
    }
  }, 60_000);
});

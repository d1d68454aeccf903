import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { readmeSection } from '../helpers/readme.js';

// The README section quotes counts; this keeps them from drifting away from the data.
const doc = readmeSection('The control catalog');
const catalog = loadCatalog();

describe('the README catalog section', () => {
  it('states the number of controls', () => {
    expect(doc).toContain(`**${catalog.controls.length} controls**`);
  });

  it('states the coverage of every framework as the CLI computes it', () => {
    const rows = [...doc.matchAll(/^\| ([a-z0-9.-]+) \| (\d+)\/(\d+)/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(catalog.frameworks.map((f) => f.id).sort());
    for (const [, id, covered, total] of rows) {
      const coverage = catalog.coverage(id!);
      expect(`${covered}/${total}`, id).toBe(
        `${coverage.requirements.length - coverage.uncovered.length}/${coverage.requirements.length}`,
      );
    }
  });

  it('states the controls per scope', () => {
    const line = /By scope: 1: (\d+), 2: (\d+), 3: (\d+), 4: (\d+), 5: (\d+)/.exec(doc);
    expect(line?.slice(1).map(Number)).toEqual(
      ([1, 2, 3, 4, 5] as const).map((scope) => catalog.filterControls({ scope }).length),
    );
  });
});

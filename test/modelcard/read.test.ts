import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readModelCard, parseModelCardContent } from '../../src/modelcard/index.js';
import { splitMarkdown } from '../../src/modelcard/markdown.js';
import { InputError } from '../../src/util/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'aigis-modelcard-'));
function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const MARKDOWN = `---
model_overview:
  model_id: credit-scorer
  model_owner: risk-team
intended_uses:
  risk_rating: High
evaluation_details:
  - name: holdout
    metric_groups:
      - name: quality
        metric_data:
          - { name: auc, type: number, value: 0.91 }
additional_information:
  custom_details:
    last_reviewed: 2026-01-10
    scope: 3
---
# Credit scorer

Intro text that belongs to no field.

## Intended uses

Scoring loan applications.

\`\`\`
## not a heading
\`\`\`

## Evaluation: holdout

Good.

## Limitations

Not for mortgages.
`;

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('readModelCard: Markdown with front matter', () => {
  it('maps front matter and body sections onto the SageMaker content', () => {
    const card = readModelCard(write('card.md', MARKDOWN));
    expect(card.source?.format).toBe('markdown');
    expect(card.content.model_overview?.model_owner).toBe('risk-team');
    expect(card.content.intended_uses?.risk_rating).toBe('High');
    expect(card.content.intended_uses?.intended_uses).toBe(
      'Scoring loan applications.\n\n```\n## not a heading\n```',
    );
    expect(card.content.evaluation_details?.[0]?.evaluation_observation).toBe('Good.');
    expect(card.content.additional_information?.caveats_and_recommendations).toBe('Not for mortgages.');
    // YAML numbers in custom_details become strings, as SageMaker wants.
    expect(card.content.additional_information?.custom_details).toEqual({
      last_reviewed: '2026-01-10',
      scope: '3',
    });
  });

  it('gives file line numbers for front matter fields and body headings', () => {
    const card = readModelCard(write('lines.md', MARKDOWN));
    expect(card.source?.lineOf(['intended_uses', 'risk_rating'])).toBe(6);
    expect(card.source?.lineOf(['intended_uses', 'intended_uses'])).toBe(22);
  });

  it('names file, line and field of a misspelt front matter key', () => {
    const err = thrown(() =>
      readModelCard(write('typo.md', MARKDOWN.replace('risk_rating: High', 'risk_ratin: High'))),
    );
    expect(err.message).toMatch(/typo\.md:5: intended_uses: Unrecognized key: "risk_ratin"/);
    expect(err.exitCode).toBe(2);
  });

  it('rejects a risk rating outside High|Medium|Low|Unknown', () => {
    const err = thrown(() =>
      readModelCard(write('rating.md', MARKDOWN.replace('risk_rating: High', 'risk_rating: Severe'))),
    );
    expect(err.message).toContain('rating.md:6: intended_uses.risk_rating');
  });

  it('suggests the closest heading for an unknown section', () => {
    const err = thrown(() =>
      readModelCard(write('heading.md', MARKDOWN.replace('## Intended uses', '## Intended usse'))),
    );
    expect(err.message).toContain(
      'heading.md:22: ## Intended usse: not a model card section (did you mean "Intended uses"?)',
    );
  });

  it('refuses a field set in both front matter and body', () => {
    const text = MARKDOWN.replace('  risk_rating: High', '  risk_rating: High\n  intended_uses: also here');
    const err = thrown(() => readModelCard(write('both.md', text)));
    expect(err.message).toMatch(
      /both\.md:23: intended_uses\.intended_uses: set both in the front matter \(line 7\)/,
    );
  });

  it('refuses an evaluation section without its job', () => {
    const err = thrown(() =>
      readModelCard(write('eval.md', MARKDOWN.replace('## Evaluation: holdout', '## Evaluation: other'))),
    );
    expect(err.message).toContain('no evaluation_details entry named "other"');
  });

  it('needs front matter', () => {
    expect(thrown(() => readModelCard(write('nofm.md', '# Card\n'))).message).toContain('nofm.md:1:');
    expect(thrown(() => readModelCard(write('open.md', '---\na: 1\n'))).message).toContain('no closing ---');
  });
});

describe('readModelCard: SageMaker content JSON', () => {
  const content = {
    model_overview: { model_name: 'm', model_artifact: ['s3://b/model.tar.gz'] },
    intended_uses: { risk_rating: 'Low', intended_uses: 'x' },
    training_details: { training_job_details: { training_datasets: ['s3://b/train'] } },
    evaluation_details: [
      {
        name: 'e',
        metric_groups: [{ name: 'g', metric_data: [{ name: 'acc', type: 'number', value: 0.9 }] }],
      },
    ],
  };

  it('reads a valid card', () => {
    const card = readModelCard(write('card.json', JSON.stringify(content, null, 2)));
    expect(card.source?.format).toBe('sagemaker');
    expect(card.content).toEqual(content);
  });

  it('enforces the documented limits', () => {
    const tooMany = {
      model_overview: { model_artifact: Array.from({ length: 16 }, (_, i) => `s3://b/${i}`) },
    };
    expect(thrown(() => parseModelCardContent(JSON.stringify(tooMany))).message).toContain(
      'model_overview.model_artifact',
    );
    const long = { intended_uses: { intended_uses: 'x'.repeat(2049) } };
    expect(thrown(() => parseModelCardContent(JSON.stringify(long))).message).toContain(
      'intended_uses.intended_uses',
    );
    const badMetric = {
      evaluation_details: [
        {
          name: 'e',
          metric_groups: [{ name: 'g', metric_data: [{ name: 'a', type: 'percent', value: 1 }] }],
        },
      ],
    };
    expect(thrown(() => parseModelCardContent(JSON.stringify(badMetric))).message).toContain(
      'metric_data[0].type',
    );
  });

  it('names the line of an error in pretty-printed JSON', () => {
    const text = JSON.stringify({ ...content, business_details: { business_problme: 'x' } }, null, 2);
    const err = thrown(() => readModelCard(write('typo.json', text)));
    const line = text.split('\n').findIndex((l) => l.includes('"business_details"')) + 1;
    expect(err.message).toContain(
      `typo.json:${line}: business_details: Unrecognized key: "business_problme"`,
    );
  });

  it('reports a missing file as an input error', () => {
    expect(thrown(() => readModelCard(join(dir, 'absent.json'))).message).toContain('cannot read model card');
  });
});

describe('readModelCard on arbitrary input', () => {
  it('returns a card or throws an InputError, never anything else', () => {
    const yamlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .dictionary(
          fc.constantFrom(
            'model_overview',
            'intended_uses',
            'evaluation_details',
            'additional_information',
            'x',
          ),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(yamlish, fc.string({ maxLength: 200 }), fc.boolean(), (front, body, markdown) => {
        const file = markdown ? write('fuzz.md', `---\n${front}\n---\n${body}`) : write('fuzz.json', front);
        try {
          const card = readModelCard(file);
          expect(typeof card.content).toBe('object');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitMarkdown', () => {
  it('never throws anything but InputError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        try {
          const split = splitMarkdown('f.md', `---\na: 1\n---\n${body}`);
          for (const s of split.sections) expect(s.line).toBeGreaterThan(3);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
    );
  });

  it('keeps headings inside fenced code as text', () => {
    const split = splitMarkdown('f.md', '---\n---\n## A\n~~~\n## B\n~~~\n## C\n');
    expect(split.sections.map((s) => s.heading)).toEqual(['A', 'C']);
    expect(split.sections[0]!.text).toBe('~~~\n## B\n~~~');
  });
});

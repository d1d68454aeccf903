import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext, evaluateCondition, resolveValue } from '../../src/iac/cfn-intrinsics.js';
import { loadCloudFormation } from '../../src/iac/cloudformation.js';
import { evalNode, parseExpression, parseTemplate, type Scope } from '../../src/iac/hcl-expr.js';
import { loadTerraformFiles } from '../../src/iac/terraform.js';
import { loadTerraformPlan } from '../../src/iac/terraform-plan.js';
import { Unknown } from '../../src/resources/types.js';
import { InputError } from '../../src/util/errors.js';

const INTRINSICS = [
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::If',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::GetAZs',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Condition',
  'Fn::Length',
  'Fn::ToJsonString',
];
const NAMES = ['A', 'B', 'P', 'Cond', 'AWS::Region', 'AWS::NoValue', 'Map', 'Missing'];

/** Random template values where intrinsic functions nest in each other with random arguments. */
const intrinsicValue = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('X', 'Y', 'Z'), tie('v'), { maxKeys: 3 }),
    fc.record({ fn: fc.constantFrom(...INTRINSICS), arg: tie('v') }).map(({ fn, arg }) => ({ [fn]: arg })),
    fc.string({ maxLength: 20 }).map((s) => ({ 'Fn::Sub': `x\${${s}}y\${A}` })),
  ),
}));

describe('CloudFormation intrinsic resolver (properties)', () => {
  it('never throws on arbitrary nesting, and conditions stay three-valued even with cycles', () => {
    fc.assert(
      fc.property(intrinsicValue.v, intrinsicValue.v, (value, cond) => {
        const ctx = createContext({
          parameters: new Map<string, unknown>([
            ['P', 'x'],
            ['Q', new Unknown('no default')],
          ]),
          resources: new Map([
            ['A', 'AWS::S3::Bucket.A'],
            ['B', 'AWS::KMS::Key.B'],
          ]),
          mappings: { Map: { x: { y: 'z' } } },
          // Cond refers to itself through Other: a cycle in the condition graph.
          conditions: { Cond: { 'Fn::Or': [cond, { Condition: 'Other' }] }, Other: { Condition: 'Cond' } },
        });
        resolveValue(value, ctx);
        const c = evaluateCondition('Cond', ctx);
        expect(typeof c === 'boolean' || c instanceof Unknown).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('CloudFormation loader (properties)', () => {
  it('returns resources or an InputError for arbitrary JSON documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), (value, wrap) => {
        const doc = wrap
          ? {
              AWSTemplateFormatVersion: '2010-09-09',
              Resources: { R: { Type: 'AWS::S3::Bucket', Properties: value } },
            }
          : value;
        try {
          const result = loadCloudFormation(JSON.stringify(doc), 'x.json');
          expect(Array.isArray(result.resources)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns resources or an InputError for arbitrary YAML-ish text', () => {
    const yamlish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'Resources:',
            '  A:',
            '    Type: AWS::S3::Bucket',
            '    Properties:',
            '      X: !Ref B',
            '      Y: !GetAtt [A, Arn]',
            '      Z: !Sub "${A}"',
            '  - x',
            '{',
            '"',
            ': :',
            '!If [a]',
            '&a',
            '*a',
            '<<: *a',
            '\t',
          ),
          fc.string({ maxLength: 30 }),
        ),
        { maxLength: 20 },
      )
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(yamlish, (text) => {
        try {
          loadCloudFormation(text, 'x.yaml');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('HCL expressions (properties)', () => {
  const scope: Scope = { traverse: () => new Unknown('free variable') };
  const tokens = [
    'var.x',
    'local.y',
    'aws_s3_bucket.b.arn',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '"',
    '${',
    '%{',
    '?',
    ':',
    '==',
    '&&',
    '!',
    '-',
    '1',
    'true',
    'null',
    'jsonencode(',
    'merge(',
    ',',
    '=',
    'for x in y :',
    '[*]',
    '.',
    '<<EOT\nx\nEOT\n',
    ' ',
  ];
  const exprText = fc
    .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 5 })), { maxLength: 30 })
    .map((t) => t.join(''));

  it('parses and evaluates arbitrary token soup without throwing', () => {
    fc.assert(
      fc.property(exprText, (text) => {
        evalNode(parseExpression(text), scope);
        evalNode(parseTemplate(`\${${text}}`), scope);
        evalNode(parseTemplate(text), scope);
      }),
      { numRuns: 1000 },
    );
  });

  it('survives deep nesting', () => {
    const deep = `${'('.repeat(5000)}1${')'.repeat(5000)}`;
    expect(evalNode(parseExpression(deep), scope)).toBeInstanceOf(Unknown);
    expect(evalNode(parseTemplate(`\${${'['.repeat(3000)}`), scope)).toBeInstanceOf(Unknown);
  });

  it('loads random HCL-ish files as resources or per-file parse errors', async () => {
    const hclish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'resource "aws_s3_bucket" "b" {',
            'bucket = var.x',
            'count = 0',
            '}',
            'locals { a = local.a }',
            'variable "x" {}',
            'module "m" { source = "./m" }',
            'dynamic "d" {',
            'content {}',
            '"',
          ),
          fc.string({ maxLength: 20 }),
        ),
        { maxLength: 12 },
      )
      .map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(hclish, async (text) => {
        const result = await loadTerraformFiles([{ file: '/nonexistent-aigis/main.tf', text }]);
        expect(result.resources.length + (result.errors?.length ?? 0)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it('evaluates self-referencing locals to Unknown instead of looping', async () => {
    const result = await loadTerraformFiles([
      {
        file: '/nonexistent-aigis/main.tf',
        text: 'locals {\n a = local.b\n b = local.a\n}\nresource "aws_s3_bucket" "x" {\n bucket = local.a\n}\n',
      },
    ]);
    expect(result.resources[0]!.properties['bucket']).toBeInstanceOf(Unknown);
  });
});

describe('plan loader (properties)', () => {
  it('returns resources or an InputError for arbitrary JSON shaped like a plan', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify({
          format_version: '1.2',
          planned_values: { root_module: value },
          resource_changes: value,
        });
        try {
          loadTerraformPlan(text, 'plan.json');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('suppression comments (properties)', () => {
  it('never throws on arbitrary lines and only reads text after a comment marker', async () => {
    const { suppressionsFromComments, commentStart } = await import('../../src/iac/suppressions.js');
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 10 }), (lines) => {
        const found = suppressionsFromComments(lines);
        for (const s of found) {
          const line = lines.find((l) => l.includes(`skip=${s.ruleId}`));
          expect(line).toBeDefined();
          expect(commentStart(line!)).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('ignores the syntax inside quoted values', async () => {
    const { suppressionsFromComments } = await import('../../src/iac/suppressions.js');
    fc.assert(
      fc.property(fc.constantFrom('"', "'"), fc.stringMatching(/^[a-z_]{1,20}$/), (quote, id) => {
        expect(
          suppressionsFromComments([`  Description: ${quote}see # aigis:skip=${id} here${quote}`]),
        ).toEqual([]);
        expect(
          suppressionsFromComments([`  description = ${quote}# checkov:skip=CKV_AWS_1:x${quote}`]),
        ).toEqual([]);
      }),
    );
  });
});

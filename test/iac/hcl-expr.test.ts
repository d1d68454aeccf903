import { describe, expect, it } from 'vitest';
import { applySteps, evalNode, parseExpression, parseTemplate, type Scope } from '../../src/iac/hcl-expr.js';
import { isUnknown, ResourceRef, Unknown } from '../../src/resources/types.js';

const vars: Record<string, unknown> = { env: 'prod', n: 3, flag: true, list: ['a', 'b'], obj: { k: 'v' } };
const scope: Scope = {
  traverse(root, steps, evalIndex) {
    const first = steps[0];
    const name = first && 'attr' in first ? first.attr : '';
    if (root === 'var')
      return name in vars ? applySteps(vars[name], steps.slice(1), evalIndex) : new Unknown(`no var ${name}`);
    if (root === 'aws_kms_key') return new ResourceRef(`aws_kms_key.${name}`, 'arn');
    return new Unknown(root);
  },
};
const ev = (text: string): unknown => evalNode(parseExpression(text), scope);
const tmpl = (text: string): unknown => evalNode(parseTemplate(text), scope);

describe('HCL expression evaluator', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 % 4 - -1', 3],
    ['var.n >= 3 && !false', true],
    ['var.env == "prod" ? "p" : "d"', 'p'],
    ['var.env != "prod" || var.flag', true],
    ['"a-${var.env}"', 'a-prod'],
    ['upper(var.env)', 'PROD'],
    ['length(var.list)', 2],
    ['join(",", concat(var.list, ["c"]))', 'a,b,c'],
    ['lookup(var.obj, "k", "x")', 'v'],
    ['lookup(var.obj, "missing", "x")', 'x'],
    ['merge(var.obj, { z = 1 })', { k: 'v', z: 1 }],
    ['format("%s-%d", var.env, 2)', 'prod-2'],
    ['coalesce("", var.env)', 'prod'],
    ['try(var.missing, "fallback")', 'fallback'],
    ['var.list[1]', 'b'],
    ['[for x in var.list : x]', undefined],
    ['jsonencode({ a = [1, true, null] })', '{"a":[1,true,null]}'],
    ['jsondecode("{\\"a\\": 1}").a', 1],
    ['split(",", "x,y")', ['x', 'y']],
    ['"\\u00e9\\n"', 'é\n'],
  ])('%s', (text, expected) => {
    const value = ev(text);
    if (expected === undefined) expect(isUnknown(value)).toBe(true);
    else expect(value).toEqual(expected);
  });

  it('keeps resource references as ResourceRefs and as placeholders inside strings', () => {
    expect(ev('aws_kms_key.k')).toEqual(new ResourceRef('aws_kms_key.k', 'arn'));
    expect(tmpl('${aws_kms_key.k}/x')).toBe('${aws_kms_key.k.arn}/x');
    expect(ev('jsonencode({ Resource = aws_kms_key.k })')).toBe('{"Resource":"${aws_kms_key.k.arn}"}');
  });

  it('never guesses: unknown operands give Unknown, jsonencode keeps structure', () => {
    expect(isUnknown(ev('var.missing == "x"'))).toBe(true);
    expect(isUnknown(tmpl('arn:${var.missing}'))).toBe(true);
    expect(isUnknown(ev('file("policy.json")'))).toBe(true);
    expect(isUnknown(ev('var.missing ? "a" : "b"'))).toBe(true);
    // Both branches equal: the condition does not matter.
    expect(ev('var.missing ? "same" : "same"')).toBe('same');
    const partial = ev('jsonencode({ Action = "s3:*", Resource = var.missing })') as Record<string, unknown>;
    expect(partial['Action']).toBe('s3:*');
    expect(isUnknown(partial['Resource'])).toBe(true);
    // false && unknown is false; true || unknown is true.
    expect(ev('false && var.missing')).toBe(false);
    expect(ev('true || var.missing')).toBe(true);
  });

  it('handles escapes and directives in templates', () => {
    expect(tmpl('$${literal} ${var.env}')).toBe('${literal} prod');
    expect(isUnknown(tmpl('%{ if var.flag }x%{ endif }'))).toBe(true);
    expect(tmpl('${var.n}')).toBe(3);
  });
});

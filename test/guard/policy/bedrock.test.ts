import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportBedrock, type BedrockFormat } from '../../../src/guard/policy/bedrock-formats.js';
import { importBedrockFile } from '../../../src/guard/policy/bedrock-formats.js';
import { exportBedrockRequest, importBedrockRequest } from '../../../src/guard/policy/bedrock.js';
import { loadPolicy, parsePolicy } from '../../../src/guard/policy/load.js';
import type { GuardPolicy } from '../../../src/guard/policy/schema.js';
import { InputError } from '../../../src/util/errors.js';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** The support-bot guardrail that all three fixtures describe. */
const expectedSupportBot = parsePolicy({
  name: 'support-bot',
  description: 'Guardrail for the support chatbot',
  blockedInputMessaging: 'Sorry, I cannot help with that request.',
  blockedOutputsMessaging: 'Sorry, I cannot share that answer.',
  contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'MEDIUM', outputStrength: 'NONE' }] },
  topicPolicy: {
    topics: [
      {
        name: 'Investment advice',
        definition: 'Recommendations about which stocks, funds or cryptocurrencies to buy or sell.',
        examples: ['Which stocks should I buy this year?', 'Is bitcoin a good investment right now?'],
        type: 'DENY',
      },
    ],
  },
  wordPolicy: {
    words: ['project zephyr', { text: 'internal only', inputAction: 'NONE', outputAction: 'BLOCK' }],
    managedWordLists: ['PROFANITY'],
  },
  sensitiveInformationPolicy: {
    piiEntities: [
      { type: 'EMAIL', action: 'ANONYMIZE' },
      { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
      {
        type: 'NAME',
        action: 'ANONYMIZE',
        inputAction: 'NONE',
        outputAction: 'ANONYMIZE',
        inputEnabled: false,
      },
    ],
    regexes: [
      { name: 'employee-id', description: 'Employee numbers', pattern: 'EMP-[0-9]{6}', action: 'ANONYMIZE' },
    ],
  },
});

/** The policy without what Bedrock cannot express. */
function bedrockPart(policy: GuardPolicy): GuardPolicy {
  const {
    secrets: _s,
    invisibleText: _i,
    output: _o,
    canary: _c,
    maxInputChars: _m,
    anonymization: _a,
    contentPolicy,
    ...rest
  } = policy;
  const filters = contentPolicy?.filters.map(({ contextStrength: _cs, ...f }) => f);
  return parsePolicy({ ...rest, ...(filters ? { contentPolicy: { filters } } : {}) });
}

async function importError(file: string, opts = {}): Promise<InputError> {
  try {
    await importBedrockFile(file, opts);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('Bedrock import', () => {
  it.each(['create-guardrail.json', 'guardrail.cfn.yaml', 'guardrail.tf'])(
    'reads %s into the same policy',
    async (name) => {
      const { policy, warnings } = await importBedrockFile(fixture(name));
      expect(policy).toEqual(expectedSupportBot);
      expect(warnings.some((w) => /tier/i.test(w) && w.includes('not used'))).toBe(true);
      expect(warnings.some((w) => /km(s|S)/i.test(w) || /kms_key_arn|KmsKeyArn|kmsKeyId/.test(w))).toBe(true);
    },
  );

  it('refuses content categories aigis cannot judge, naming the CloudFormation field and line', async () => {
    const err = await importError(fixture('guardrail-hate.cfn.json'));
    expect(err.message).toMatch(
      /guardrail-hate\.cfn\.json:\d+: Resources\.Guardrail\.Properties\.ContentPolicyConfig\.FiltersConfig\[1\]\.Type/,
    );
    expect(err.message).toContain('HATE');
    expect(err.message).toContain('--drop-unsupported');
  });

  it('drops them with a warning when asked', async () => {
    const { policy, warnings } = await importBedrockFile(fixture('guardrail-hate.cfn.json'), {
      dropUnsupported: true,
    });
    expect(policy.contentPolicy!.filters.map((f) => f.type)).toEqual(['PROMPT_ATTACK']);
    expect(warnings.join('\n')).toContain('HATE');
  });

  it('refuses intrinsic functions and Terraform expressions in fields that change what the guard does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-bedrock-'));
    const cfn = join(dir, 't.yaml');
    writeFileSync(
      cfn,
      [
        'Resources:',
        '  G:',
        '    Type: AWS::Bedrock::Guardrail',
        '    Properties:',
        '      Name: g',
        '      BlockedInputMessaging: x',
        '      BlockedOutputsMessaging: y',
        '      ContentPolicyConfig:',
        '        FiltersConfig:',
        '          - Type: PROMPT_ATTACK',
        '            InputStrength: !Ref Strength',
        '            OutputStrength: NONE',
        '',
      ].join('\n'),
    );
    const cfnErr = await importError(cfn);
    expect(cfnErr.message).toMatch(
      /t\.yaml:11: Resources\.G\.Properties\.ContentPolicyConfig\.FiltersConfig\[0\]\.InputStrength: a CloudFormation intrinsic/,
    );
    const tf = join(dir, 'g.tf');
    writeFileSync(
      tf,
      'resource "aws_bedrock_guardrail" "g" {\n  name = "g"\n  blocked_input_messaging = "x"\n  blocked_outputs_messaging = "y"\n  word_policy_config {\n    words_config {\n      text = var.word\n    }\n  }\n}\n',
    );
    const tfErr = await importError(tf);
    expect(tfErr.message).toContain(
      'aws_bedrock_guardrail.g: word_policy_config[0].words_config[0].text: a Terraform expression',
    );
  });

  it('replaces a name or message built from variables, with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-bedrock-'));
    const tf = join(dir, 'g.tf');
    writeFileSync(
      tf,
      'resource "aws_bedrock_guardrail" "chat_bot" {\n  name = "${var.env}-g"\n  blocked_input_messaging = var.msg\n  blocked_outputs_messaging = "y"\n  word_policy_config {\n    words_config {\n      text = "zephyr"\n    }\n  }\n}\n',
    );
    const { policy, warnings } = await importBedrockFile(tf);
    expect(policy.name).toBe('chat_bot');
    expect(policy.blockedOutputsMessaging).toBe('y');
    expect(warnings.filter((w) => w.includes('an expression'))).toHaveLength(2);
    const cfn = join(dir, 'c.yaml');
    writeFileSync(
      cfn,
      'Resources:\n  Guard:\n    Type: AWS::Bedrock::Guardrail\n    Properties:\n      Name: !Sub "${AWS::StackName}-g"\n      BlockedInputMessaging: x\n      BlockedOutputsMessaging: y\n',
    );
    expect((await importBedrockFile(cfn)).policy.name).toBe('Guard');
  });

  it('asks which guardrail when a file has several', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aigis-bedrock-'));
    const file = join(dir, 'two.json');
    const g = {
      Type: 'AWS::Bedrock::Guardrail',
      Properties: { Name: 'a', BlockedInputMessaging: 'x', BlockedOutputsMessaging: 'y' },
    };
    writeFileSync(
      file,
      JSON.stringify({ Resources: { A: g, B: { ...g, Properties: { ...g.Properties, Name: 'b' } } } }),
    );
    expect((await importError(file)).message).toContain('--resource');
    expect((await importBedrockFile(file, { resource: 'B' })).policy.name).toBe('b');
  });

  it('names the Bedrock field of a bad value', () => {
    expect(() =>
      importBedrockRequest({
        name: 'x',
        sensitiveInformationPolicyConfig: { piiEntitiesConfig: [{ type: 'EMAIL', action: 'REDACT' }] },
      }),
    ).toThrow(/sensitiveInformationPolicy\.piiEntities\[0\]\.action/);
    expect(() =>
      importBedrockRequest({
        name: 'x',
        contentPolicyConfig: { filtersConfig: [{ type: 'PROMPT_ATTACK' }] },
      }),
    ).toThrow(/contentPolicyConfig\.filtersConfig\[0\]\.inputStrength/);
  });
});

describe('Bedrock export', () => {
  const rich = parsePolicy({
    ...expectedSupportBot,
    contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', contextStrength: 'MEDIUM' }] },
    secrets: { action: 'BLOCK' },
    invisibleText: { action: 'ANONYMIZE' },
    output: { allowedDomains: ['example.com'], urlAction: 'BLOCK' },
    canary: { action: 'BLOCK' },
    maxInputChars: 5000,
    anonymization: { mode: 'token' },
  });

  it('writes a CreateGuardrail request and warns about what Bedrock cannot express', () => {
    const { request, warnings } = exportBedrockRequest(rich);
    expect(request.contentPolicyConfig?.filtersConfig).toEqual([
      { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
    ]);
    expect(request.sensitiveInformationPolicyConfig?.piiEntitiesConfig).toHaveLength(3);
    const fields = warnings.map((w) => w.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'contentPolicy.filters[0].contextStrength',
        'secrets',
        'invisibleText',
        'output',
        'canary',
        'maxInputChars',
        'anonymization.mode',
      ]),
    );
    expect(exportBedrockRequest(expectedSupportBot).warnings).toEqual([]);
  });

  const policies: Array<[string, GuardPolicy]> = [
    ['default', loadPolicy('default')],
    ['support-bot', expectedSupportBot],
    ['rich', rich],
    ['minimal', parsePolicy({ wordPolicy: { words: ['a ${b} %{c} "d"'] } })],
  ];
  const formats: BedrockFormat[] = ['json', 'cloudformation', 'terraform'];

  for (const [label, policy] of policies) {
    for (const format of formats) {
      it(`round-trips the ${label} policy through ${format}`, async () => {
        const { text } = exportBedrock(policy, format);
        const dir = mkdtempSync(join(tmpdir(), 'aigis-export-'));
        const file = join(dir, format === 'terraform' ? 'g.tf' : format === 'json' ? 'g.json' : 'g.yaml');
        writeFileSync(file, text);
        const { policy: back } = await importBedrockFile(file);
        expect(back).toEqual(bedrockPart(policy));
      });
    }
  }

  it('writes a CloudFormation template with one AWS::Bedrock::Guardrail and Terraform that hcl2json reads', async () => {
    const cfn = parseYaml(exportBedrock(expectedSupportBot, 'cloudformation').text) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const [resource] = Object.values(cfn.Resources);
    expect(resource!.Type).toBe('AWS::Bedrock::Guardrail');
    expect(resource!.Properties.ContentPolicyConfig).toEqual({
      FiltersConfig: [{ Type: 'PROMPT_ATTACK', InputStrength: 'MEDIUM', OutputStrength: 'NONE' }],
    });
    const tf = (await parseHcl('g.tf', exportBedrock(expectedSupportBot, 'terraform').text)) as {
      resource: { aws_bedrock_guardrail: Record<string, Array<Record<string, unknown>>> };
    };
    const body = Object.values(tf.resource.aws_bedrock_guardrail)[0]![0]!;
    expect(body.name).toBe('support-bot');
    expect(body.sensitive_information_policy_config).toHaveLength(1);
  });
});

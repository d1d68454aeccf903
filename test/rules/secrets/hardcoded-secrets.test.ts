import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartlyKnownString, Unknown } from '../../../src/resources/index.js';
import {
  decodeScript,
  findSecretInVariable,
  findSecretsInText,
  literalText,
  maskSecret,
  scanVariables,
} from '../../../src/rules/secrets/hardcoded-secrets.js';
import { ALL_SECRETS, AWS_ACCESS_KEY_ID, b64, DB_PASSWORD, GITHUB_TOKEN } from './fixtures.js';

describe('maskSecret', () => {
  it('keeps the first four characters of the secret, not of its quotes', () => {
    expect(maskSecret(AWS_ACCESS_KEY_ID)).toBe('AKIA…');
    expect(maskSecret(`"${DB_PASSWORD}"`)).toBe('S3cr…');
  });
});

describe('decodeScript', () => {
  const script = '#!/bin/bash\nyum install -y docker\n';
  it('decodes base64 and gzip+base64 text', () => {
    expect(decodeScript(b64(script))).toBe(script);
    expect(decodeScript(gzipSync(Buffer.from(script)).toString('base64'))).toBe(script);
  });
  it('leaves plain scripts and base64-looking tokens that are not text as they are', () => {
    expect(decodeScript(script)).toBe(script);
    const binary = Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 9, 8, 7, 6]).toString('base64');
    expect(decodeScript(binary)).toBe(binary);
    expect(decodeScript('abcdefgh1234')).toBe('abcdefgh1234');
  });
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => typeof decodeScript(s) === 'string'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof decodeScript(Buffer.from(bytes).toString('base64'))).toBe('string');
        // A gzip header followed by garbage is not text and not an error.
        expect(typeof decodeScript(Buffer.from([0x1f, 0x8b, ...bytes]).toString('base64'))).toBe('string');
      }),
    );
  });
});

describe('credential-named literals', () => {
  it.each([
    ['DB_PASSWORD', DB_PASSWORD],
    ['OPENAI_API_KEY', 'sk-Xy7!pQ2-vLm9aZ3k'],
    ['clientSecret', 'Zx9_kq2P-7mnB4vT'],
    ['REDIS_AUTH_TOKEN', 'a8f5f167f44f4964e6c998dee827110c'],
    ['PARTNER_API_KEY', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ])('reports %s set to a credential-looking literal', (name, value) => {
    expect(findSecretInVariable(name, value, `variable ${name}`).length).toBeGreaterThan(0);
  });

  it.each([
    ['DB_PASSWORD_SECRET_ARN', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf'],
    ['API_KEY', 'arn:aws:secretsmanager:us-east-1:111122223333:secret:key-AbCdEf'],
    ['TOKEN_PARAMETER', '/prod/model/token'],
    ['PASSWORD_MIN_LENGTH', '16'],
    ['DB_PASSWORD', '${DB_PASSWORD}'],
    ['DB_PASSWORD', '{{resolve:secretsmanager:db:SecretString:password}}'],
    ['API_KEY', 'changeme'],
    ['API_KEY', '<your-api-key>'],
    ['SECRET_NAME', 'prod/model-provider/key'],
    ['API_TOKEN', 'ModelProviderToken'],
    ['secret', 'prod-db-credentials-2024'],
    ['TOKEN_URL', 'https://auth.example.com/oauth2/token'],
    ['MODEL_ID', 'anthropic.claude-3-haiku-20240307-v1:0'],
  ])('does not report %s = %s', (name, value) => {
    expect(findSecretInVariable(name, value, `variable ${name}`)).toEqual([]);
  });

  it('reads shell and YAML assignments in scripts, not command substitutions', () => {
    const findings = findSecretsInText(
      [
        '#!/bin/bash',
        `export DB_PASSWORD='${DB_PASSWORD}'  # set by hand`,
        'export API_TOKEN=$(aws ssm get-parameter --name /t --with-decryption --query Parameter.Value --output text)',
        `password: "${DB_PASSWORD}"`,
        'token = os.environ["HF_TOKEN"]',
        'DB_PASSWORD=$DB_PASSWORD_FROM_SSM_2024',
        'api_key = get_secret("prod/OpenAI-key-2024")',
      ].join('\n'),
      'user data',
    );
    expect(findings.map((f) => f.where)).toEqual(['user data line 2', 'user data line 4']);
    expect(findings.every((f) => f.ruleId === 'aigis-credential-variable')).toBe(true);
  });
});

describe('scanVariables', () => {
  it('reads maps and Name/Value lists, skips references and unknown values', () => {
    const map = scanVariables({ A: GITHUB_TOKEN, B: new Unknown('parameter'), C: 3 }, (n) => n);
    expect(map.findings.map((f) => f.where)).toEqual(['A']);
    const list = scanVariables(
      [
        { Name: 'A', Value: AWS_ACCESS_KEY_ID },
        { name: 'B', value: GITHUB_TOKEN },
      ],
      (n) => n,
    );
    expect(list.findings.map((f) => [f.where, f.ruleId])).toEqual([
      ['A', 'aws-access-token'],
      ['B', 'github-pat'],
    ]);
    expect(scanVariables(new Unknown('import'), (n) => n).unknown?.reason).toBe('import');
  });
});

describe('literalText', () => {
  it('keeps the literal pieces of a partly unknown string', () => {
    expect(literalText(new PartlyKnownString('parameter X has no default', ['a=', '']))).toEqual({
      texts: ['a='],
    });
    expect(literalText(new PartlyKnownString('no literal text', ['', ' ']))).toEqual({
      unknown: expect.any(Unknown),
    });
    expect(literalText(new Unknown('file()'))).toEqual({ unknown: expect.any(Unknown) });
    expect(literalText('x')).toEqual({ texts: ['x'] });
    expect(literalText(3)).toBeUndefined();
  });
});

describe('findings never carry the secret', () => {
  it('for secrets placed anywhere in random text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.constantFrom(...ALL_SECRETS),
        fc.constantFrom('export GITHUB_TOKEN=', 'DB_PASSWORD=', 'token: ', ' ', '\n'),
        fc.string({ maxLength: 200 }),
        (before, secret, assign, after) => {
          const text = `${before}\n${assign}${secret}\n${after}`;
          for (const f of findSecretsInText(text, 'script')) {
            expect(f.masked.length).toBeLessThanOrEqual(5);
            for (const s of ALL_SECRETS) expect(JSON.stringify(f)).not.toContain(s);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles long runs of spaces, quotes and name characters', () => {
    // Long runs of what the assignment and value checks look at: spaces, quotes, `=`, name characters.
    for (const text of [
      ' '.repeat(200_000),
      'a'.repeat(200_000) + '=',
      '"'.repeat(200_000),
      `A=${'x '.repeat(100_000)}`,
    ]) {
      expect(Array.isArray(findSecretsInText(text, 'script'))).toBe(true);
    }
  });
});

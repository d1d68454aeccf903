import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildKeywordAutomaton,
  createSecretScanner,
  detectSecrets,
  loadGitleaksRules,
  MAX_SECRET_SCAN_LENGTH,
  parseRuleFile,
  shannonEntropy,
  type GitleaksRuleFile,
} from '../../../src/guard/secrets/index.js';
import { InputError } from '../../../src/util/errors.js';

// Built at test time so that no scanner flags this file as holding real secrets.
const AWS_KEY = ['AKIA', 'Z7VRSQ5TJ3GHPX2L'].join('');
const GITHUB_PAT = ['ghp_', '1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R'].join('');
const SLACK_BOT = ['xoxb-', '2934567890123-2934567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('');
const STRIPE = ['sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('');
const GENERIC = 'q8Fj2kL9mQ3xZ7vB1nW4tY6p';
const PRIVATE_KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
  'aFDrBz9vFqU4yV8Gk0jZxw1VJQ8S8Vx2e4k7qY5PZ1Z8tWJcQk3D2fW1sAqU8bF9',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

function secretsIn(text: string): Array<{ ruleId: string; value: string }> {
  return detectSecrets(text).map((m) => ({ ruleId: m.ruleId, value: text.slice(m.start, m.end) }));
}

describe('detectSecrets: true positives with offsets of the secret itself', () => {
  const cases: Array<[string, string, string]> = [
    [`aws_access_key_id = ${AWS_KEY}`, 'aws-access-token', AWS_KEY],
    [`export GITHUB_TOKEN=${GITHUB_PAT}`, 'github-pat', GITHUB_PAT],
    [`slack:\n  bot: "${SLACK_BOT}"`, 'slack-bot-token', SLACK_BOT],
    [`const stripe = require('stripe')('${STRIPE}');`, 'stripe-access-token', STRIPE],
    [`client_secret = "${GENERIC}"`, 'generic-api-key', GENERIC],
    [`Here is my key:\n${PRIVATE_KEY}\nthanks`, 'private-key', PRIVATE_KEY],
    [
      'DATABASE_URL=postgres://admin:S3cr3tP4ssw0rd@db.internal:5432/app',
      'url-credentials',
      'S3cr3tP4ssw0rd',
    ],
  ];
  it.each(cases)('%s', (text, ruleId, secret) => {
    const found = secretsIn(text);
    expect(found).toContainEqual({ ruleId, value: secret });
  });

  it('finds a secret in the middle of a long prose text with UTF-16 offsets after astral characters', () => {
    const prefix = '😀 emoji first. '.repeat(50) + 'lorem ipsum '.repeat(500);
    const text = `${prefix}\ntoken = ${GITHUB_PAT}\n${'dolor sit amet '.repeat(300)}`;
    const [m] = detectSecrets(text);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(GITHUB_PAT);
    expect(m!.score).toBeGreaterThan(0.8);
  });

  it('keeps a secret that merely contains "false" or "null" (the upstream global allow-list is anchored as a whole)', () => {
    const withFalse = ['ghp_', 'falseB3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q'].join('');
    expect(secretsIn(`token=${withFalse}`)).toContainEqual({ ruleId: 'github-pat', value: withFalse });
    expect(secretsIn('client_secret = "false"')).toEqual([]);
  });

  it('reports a specific rule instead of the generic one for the same secret', () => {
    const found = detectSecrets(`github_api_token = "${GITHUB_PAT}"`);
    expect(found.map((f) => f.ruleId)).toEqual(['github-pat']);
  });
});

describe('detectSecrets: negatives and hard negatives', () => {
  const negatives = [
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'password: changeme',
    'api_key = ${API_KEY}',
    'token: ${{ secrets.GITHUB_TOKEN }}',
    'secret = "************************"',
    'api_key: xxxxxxxxxxxxxxxxxxxxxxxx',
    'primary_key = "user_id"',
    'The access token expires after 3600 seconds; refresh it with the refresh endpoint.',
    'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")',
    'github_token: "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
    'key: 014df517-39d1-4453-b7b3-9930c563627c',
    'auth_token = "{{ auth_token }}"',
    'token = "abcdefghijklmnopqrstuvwxyz"',
    'import { apiKeyHeader, tokenStore } from "./auth/constants";',
    'redis://:${REDIS_PASSWORD}@cache:6379',
    'amqp://guest:guest@localhost:5672/',
    'mysql://user:password@localhost/db',
  ];
  it.each(negatives)('%s', (text) => {
    expect(detectSecrets(text)).toEqual([]);
  });

  it('rejects a generic value below the entropy threshold but keeps the same shape above it', () => {
    expect(detectSecrets('api_token = "aaaaaaaaaaaabbbbbbbb1"')).toEqual([]);
    expect(detectSecrets(`api_token = "${GENERIC}"`)).toHaveLength(1);
  });
});

describe('secret scanner mechanics', () => {
  const base: GitleaksRuleFile = {
    source: 'test',
    generatedBy: 'test',
    global: { condition: 'OR', regexTarget: 'secret', regexes: ['^dummy'], stopwords: ['notreal'] },
    rules: [
      {
        id: 'tok',
        description: 'test token',
        regex: '(?i)\\btok_([a-z0-9]{10})\\b',
        entropy: 2.5,
        keywords: ['tok_'],
        allowlists: [{ condition: 'OR', regexTarget: 'line', regexes: ['#\\s*allow'], stopwords: [] }],
      },
    ],
    skipped: [],
  };
  const scanner = createSecretScanner(base);

  it('uses the secret group, the entropy threshold, global and line allow-lists', () => {
    const text = 'a = tok_a8f3k2m9x1';
    expect(scanner.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['a8f3k2m9x1']);
    expect(scanner.scan('a = tok_aaaaaaaaaa')).toEqual([]); // entropy 0
    expect(scanner.scan('a = tok_a8f3k2m9x1 # allow')).toEqual([]); // line allow-list
    expect(scanner.scan('a = tok_notreal123')).toEqual([]); // global stopword
    expect(scanner.scan('a = tok_dummy12345')).toEqual([]); // global regex on the secret
  });

  it('warms up in the background without changing results', async () => {
    const warm = createSecretScanner(base);
    await warm.warmUpInBackground();
    expect(warm.scan('a = tok_a8f3k2m9x1')).toEqual(scanner.scan('a = tok_a8f3k2m9x1'));
  });

  it('does not run a rule whose keyword is absent', () => {
    const noKeyword = createSecretScanner({ ...base, rules: [{ ...base.rules[0]!, keywords: ['zzz'] }] });
    expect(noKeyword.scan('a = tok_a8f3k2m9x1')).toEqual([]);
  });

  it('computes entropy as gitleaks does', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2, 10);
  });

  it('names the field of an invalid rule file', () => {
    const bad = JSON.stringify({ ...base, rules: [{ ...base.rules[0], keywords: [] }] });
    expect(() => parseRuleFile(bad, 'rules.json')).toThrow(InputError);
    expect(() => parseRuleFile(bad, 'rules.json')).toThrow(/rules\.json: rules\.0\.keywords/);
    expect(() => parseRuleFile('{', 'rules.json')).toThrow(/rules\.json: invalid JSON/);
  });

  it('ships every gitleaks rule except the path-only one', () => {
    const file = loadGitleaksRules();
    expect(file.rules.length).toBeGreaterThanOrEqual(220);
    expect(file.skipped.map((s) => s.id)).toContain('pkcs12-file');
  });

  it('refuses inputs above the size limit', () => {
    expect(() => detectSecrets('a'.repeat(MAX_SECRET_SCAN_LENGTH + 1))).toThrow(RangeError);
  });
});

describe('keyword automaton', () => {
  it('finds exactly the occurrences a naive case-insensitive search finds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '-', '\n', 'é'), maxLength: 60 }),
        (keywords, text) => {
          const hits: string[] = [];
          buildKeywordAutomaton(keywords).scan(text, (k, s, e) => hits.push(`${k}:${s}:${e}`));
          const lower = text.toLowerCase();
          const expected: string[] = [];
          keywords.forEach((kw, k) => {
            for (let i = lower.indexOf(kw); i !== -1; i = lower.indexOf(kw, i + 1))
              expected.push(`${k}:${i}:${i + kw.length}`);
          });
          expect(hits.sort()).toEqual(expected.sort());
        },
      ),
    );
  });
});

describe('properties', () => {
  it('never throws and returns spans inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        for (const m of detectSecrets(text)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.score).toBeGreaterThan(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a known secret wherever it is embedded, at the exact offsets', () => {
    const secrets = [AWS_KEY, GITHUB_PAT, SLACK_BOT];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', 'ü', '😀', '\t'), maxLength: 300 }),
        fc.string({ unit: fc.constantFrom('x', 'y', ' ', ','), maxLength: 300 }),
        fc.constantFrom(...secrets),
        (before, after, secret) => {
          const text = `${before}\nvalue: ${secret}\n${after}`;
          const at = before.length + 8;
          expect(detectSecrets(text).some((m) => m.start === at && m.end === at + secret.length)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('windowed matching finds what whole-text matching (plain gitleaks) finds', () => {
    // Seed 877769966 once found a secret two blank lines below its `api_key =` (windows were one line).
    expect(createSecretScanner(loadGitleaksRules()).scan(`api_key = \n\n${GENERIC}`)).toHaveLength(1);
    const rules = loadGitleaksRules();
    const windowed = createSecretScanner(rules);
    const whole = createSecretScanner(rules, { wholeText: true });
    const fragments = fc.constantFrom(
      'api_key = ',
      'token: "',
      '"',
      'password=',
      'secret ',
      GENERIC,
      AWS_KEY,
      GITHUB_PAT,
      SLACK_BOT,
      'postgres://u:',
      '@db.internal/x',
      'lorem ipsum ',
      '\n',
      ' ',
      ';',
      'key',
      'A3-',
      'xoxb-',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(windowed.scan(text)).toEqual(whole.scan(text));
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on adversarial inputs (generous bound; timing lives in bench/secrets.ts)', () => {
    const inputs = [
      'A'.repeat(1_000_000),
      'key=token&'.repeat(100_000),
      '-----BEGIN PRIVATE KEY-----'.repeat(20_000),
      `curl ${'-H '.repeat(100_000)}`,
      'api_key = "' + 'a1'.repeat(200_000),
    ];
    const t0 = Date.now();
    for (const text of inputs) detectSecrets(text);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

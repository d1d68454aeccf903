import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/util/errors.js';
import { loadPolicy, parsePolicy, shippedPolicyNames } from '../../../src/guard/policy/load.js';
import { BEDROCK_PII_TYPES } from '../../../src/guard/policy/schema.js';
import { PII_ENTITY_NAMES } from '../../../src/guard/pii/entities.js';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('guard policy schema', () => {
  it('ships a default policy: prompt attack HIGH, secrets BLOCK, PII anonymized on output', () => {
    expect(shippedPolicyNames()).toContain('default');
    const policy = loadPolicy('default');
    expect(policy.contentPolicy?.filters).toEqual([
      expect.objectContaining({ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' }),
    ]);
    expect(policy.secrets?.action).toBe('BLOCK');
    const email = policy.sensitiveInformationPolicy?.piiEntities.find((e) => e.type === 'EMAIL');
    expect(email).toMatchObject({ action: 'ANONYMIZE', inputAction: 'NONE' });
    expect(policy.maxInputChars).toBe(100_000);
    expect(loadPolicy()).toEqual(policy);
  });

  it.each(['default', 'strict', 'monitor'])('ships a valid %s policy covering all 31 PII types', (name) => {
    expect(shippedPolicyNames()).toContain(name);
    const policy = loadPolicy(name);
    expect(new Set(policy.sensitiveInformationPolicy?.piiEntities.map((e) => e.type)).size).toBe(31);
  });

  it('lists exactly the 31 Bedrock PII types, the same as the PII detector', () => {
    expect(BEDROCK_PII_TYPES).toHaveLength(31);
    expect([...BEDROCK_PII_TYPES].sort()).toEqual([...PII_ENTITY_NAMES].sort());
  });

  it('fills Bedrock defaults for a minimal policy', () => {
    const policy = parsePolicy({
      contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'LOW' }] },
    });
    expect(policy.contentPolicy!.filters[0]!.outputStrength).toBe('NONE');
    expect(policy.anonymization).toEqual({ mode: 'tag', restoreOnOutput: true });
    expect(policy.blockedInputMessaging.length).toBeGreaterThan(0);
  });

  it.each(['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'])(
    'refuses the %s content category naming the field',
    (type) => {
      const err = errorOf(() =>
        parsePolicy({
          contentPolicy: {
            filters: [
              { type: 'PROMPT_ATTACK', inputStrength: 'HIGH' },
              { type, inputStrength: 'LOW' },
            ],
          },
        }),
      );
      expect(err.message).toContain('contentPolicy.filters[1].type');
      expect(err.message).toContain(`cannot judge the ${type}`);
    },
  );

  it('accepts an unsupported category switched off (strength NONE)', () => {
    const policy = parsePolicy({
      contentPolicy: { filters: [{ type: 'HATE', inputStrength: 'NONE', outputStrength: 'NONE' }] },
    });
    expect(policy.contentPolicy!.filters).toHaveLength(1);
  });

  it('refuses an output strength for PROMPT_ATTACK, as Bedrock does', () => {
    const err = errorOf(() =>
      parsePolicy({
        contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'LOW' }] },
      }),
    );
    expect(err.field).toBe('contentPolicy.filters[0].outputStrength');
  });

  it('suggests the Bedrock name for a Presidio alias and a near miss', () => {
    const alias = errorOf(() =>
      parsePolicy({
        sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL_ADDRESS', action: 'BLOCK' }] },
      }),
    );
    expect(alias.message).toContain('sensitiveInformationPolicy.piiEntities[0].type');
    expect(alias.message).toContain("write 'EMAIL'");
    const typo = errorOf(() =>
      parsePolicy({ sensitiveInformationPolicy: { piiEntities: [{ type: 'PHONEE', action: 'BLOCK' }] } }),
    );
    expect(typo.message).toContain("did you mean 'PHONE'");
  });

  it('refuses unknown keys, duplicates and sections aigis cannot run', () => {
    expect(errorOf(() => parsePolicy({ contentFilters: {} })).message).toMatch(/contentFilters/);
    const dup = errorOf(() =>
      parsePolicy({
        sensitiveInformationPolicy: {
          piiEntities: [
            { type: 'EMAIL', action: 'BLOCK' },
            { type: 'EMAIL', action: 'NONE' },
          ],
        },
      }),
    );
    expect(dup.field).toBe('sensitiveInformationPolicy.piiEntities[1].type');
    const grounding = errorOf(() => parsePolicy({ contextualGroundingPolicy: { filters: [] } }));
    expect(grounding.message).toContain('contextualGroundingPolicy');
    expect(grounding.message).toContain('contextual grounding');
  });

  it.each([
    ['(a+)+$', 'nested quantifiers'],
    ['(\\w)\\1', 'RE2'],
    ['foo(?=bar)', 'RE2'],
    ['([a-z]*,)*x', 'nested quantifiers'],
  ])('refuses the unsafe custom regex %s', (pattern, reason) => {
    const err = errorOf(() =>
      parsePolicy({ sensitiveInformationPolicy: { regexes: [{ name: 'r', pattern, action: 'BLOCK' }] } }),
    );
    expect(err.field).toBe('sensitiveInformationPolicy.regexes[0].pattern');
    expect(err.message).toContain(reason);
  });

  it('refuses Bedrock-invalid topic names so every policy can be exported', () => {
    const err = errorOf(() =>
      parsePolicy({ topicPolicy: { topics: [{ name: "Bob's advice", definition: 'x' }] } }),
    );
    expect(err.field).toBe('topicPolicy.topics[0].name');
  });

  it('names file, line and field for a bad policy file', () => {
    const err = errorOf(() => loadPolicy(fixture('bad-policy.yaml')));
    expect(err.message).toMatch(
      /bad-policy\.yaml:8: sensitiveInformationPolicy\.piiEntities\[0\]\.type: 'EMAIL_ADDRESS'/,
    );
  });

  it('names the policy when a shipped name is unknown', () => {
    const err = errorOf(() => loadPolicy('defualt'));
    expect(err.message).toContain("did you mean 'default'");
  });
});

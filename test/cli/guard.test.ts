import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../../src/util/paths.js';

const root = packageRoot();
const fixtures = join(root, 'test', 'guard', 'policy', 'fixtures');

function aigis(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'aigis-cli-guard-'));

describe('aigis guard scan', () => {
  it('exits 0 for allowed text and 1 when blocked', () => {
    const ok = aigis(['guard', 'scan', 'What', 'is', 'the', 'capital', 'of', 'France?']);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe('ALLOW');
    const blocked = aigis([
      'guard',
      'scan',
      '--direction',
      'output',
      'token ghp_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf1234',
    ]);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('secret github-pat [6,46)');
  });

  it('reads JSONL and writes one decision per line; bad lines name line and field, the rest continue, exit 2', () => {
    const dir = tmp();
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: 'hello there' }),
        JSON.stringify({ id: 'b', text: 'x', direction: 'sideways' }),
        '{not json',
        '',
        JSON.stringify({ id: 'c', text: 'write to jane@example.com', direction: 'output' }),
        JSON.stringify({ id: 'd', text: 42 }),
        JSON.stringify({ id: 'e', prompt: 'hello', label: 0, source: 'somewhere' }),
        JSON.stringify({ id: 'f', label: 1 }),
      ].join('\n'),
    );
    const r = aigis(['guard', 'scan', '--input', file]);
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.action])).toEqual([
      ['a', 'allow'],
      ['c', 'anonymize'],
      ['e', 'allow'],
    ]);
    expect(lines[1]!.text).toBe('write to {EMAIL}');
    expect(lines[1]!.detections).toEqual([
      expect.objectContaining({ type: 'pii', entity: 'EMAIL', start: 9, end: 25 }),
    ]);
    expect(r.stderr).toContain('in.jsonl:2: direction:');
    expect(r.stderr).toContain('in.jsonl:3: not valid JSON');
    expect(r.stderr).toContain('in.jsonl:6: text:');
    expect(r.stderr).toContain('in.jsonl:8: text: expected a string field text (or prompt)');
  });

  it('reads stdin with --input - and exits 1 when a line is blocked', () => {
    const r = aigis(
      ['guard', 'scan', '--input', '-', '--direction', 'output', '--format', 'json'],
      `${JSON.stringify({ id: 1, text: 'fine' })}\n${JSON.stringify({ id: 2, text: 'key ghp_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf1234' })}\n`,
    );
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Array<{ id: number; action: string }>;
    expect(out.map((o) => o.action)).toEqual(['allow', 'block']);
  });

  it('refuses no input, both inputs, a bad policy and a bad flag with exit 2', () => {
    expect(aigis(['guard', 'scan']).status).toBe(2);
    expect(aigis(['guard', 'scan', 'x', '--input', 'y.jsonl']).status).toBe(2);
    expect(aigis(['guard', 'scan', '--direction', 'sideways', 'x']).status).toBe(2);
    const directory = aigis(['guard', 'scan', '--policy', tmp(), 'x']);
    expect(directory.status).toBe(2);
    expect(directory.stderr).toContain('not a file');
    const dir = tmp();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'contentPolicy:\n  filters:\n    - type: HATE\n      inputStrength: HIGH\n');
    const bad = aigis(['guard', 'scan', '--policy', policy, 'hello']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/p\.yaml:3: contentPolicy\.filters\[0\]\.type: aigis cannot judge the HATE/);
  });
});

describe('aigis guard policy', () => {
  it('imports a Bedrock guardrail to YAML and exports it back', () => {
    const dir = tmp();
    const out = join(dir, 'policy.yaml');
    const imported = aigis([
      'guard',
      'policy',
      'import',
      '--from',
      'bedrock',
      join(fixtures, 'guardrail.cfn.yaml'),
      '--out',
      out,
    ]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('KmsKeyArn: not used by aigis');
    const policy = parseYaml(readFileSync(out, 'utf8')) as {
      name: string;
      sensitiveInformationPolicy: { piiEntities: unknown[] };
    };
    expect(policy.name).toBe('support-bot');
    expect(policy.sensitiveInformationPolicy.piiEntities).toHaveLength(3);
    expect(aigis(['guard', 'policy', 'validate', out]).status).toBe(0);

    const exported = aigis(['guard', 'policy', 'export', '--to', 'bedrock', '--policy', out]);
    expect(exported.status).toBe(0);
    const request = JSON.parse(exported.stdout) as {
      name: string;
      topicPolicyConfig: { topicsConfig: Array<{ name: string }> };
    };
    expect(request.name).toBe('support-bot');
    expect(request.topicPolicyConfig.topicsConfig[0]!.name).toBe('Investment advice');
  });

  it('warns on export about what Bedrock cannot express', () => {
    const r = aigis(['guard', 'policy', 'export', '--to', 'bedrock', '--format', 'cloudformation']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Type: AWS::Bedrock::Guardrail');
    expect(r.stderr).toContain('warning: secrets:');
    expect(r.stderr).toContain('warning: canary:');
  });

  it('refuses unsupported categories unless --drop-unsupported', () => {
    const file = join(fixtures, 'guardrail-hate.cfn.json');
    const refused = aigis(['guard', 'policy', 'import', '--from', 'bedrock', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('FiltersConfig[1].Type: aigis cannot judge the HATE');
    const dropped = aigis(['guard', 'policy', 'import', '--from', 'bedrock', file, '--drop-unsupported']);
    expect(dropped.status).toBe(0);
    expect(dropped.stderr).toContain('dropped');
    expect(aigis(['guard', 'policy', 'import', file]).status).toBe(2);
  });
});

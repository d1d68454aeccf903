/**
 * Cost of the hard-coded secret rules and of policiesOfRole on synthetic graphs of growing size
 * (resources built in memory, no loader). Each row: median of 3 runs.
 *
 *   npx tsx bench/secret-rules.ts
 */
import {
  buildGraph,
  designatesResource,
  policiesOfRole,
  ResourceRef,
  type Resource,
  type ResourceGraph,
} from '../src/resources/index.js';
import { ec2UserDataNoSecrets } from '../src/rules/ec2/ec2_user_data_no_secrets.js';
import { ecsTaskDefinitionNoSecrets } from '../src/rules/ecs/ecs_task_definition_no_secrets.js';
import { lambdaEnvironmentNoSecrets } from '../src/rules/lambda/lambda_environment_no_secrets.js';
import type { ResourceRule } from '../src/rules/types.js';

const RUNS = 3;

const resource = (type: string, name: string, properties: Record<string, unknown>): Resource => ({
  address: `${type}.${name}`,
  type,
  name,
  source: 'terraform',
  file: 'main.tf',
  line: 1,
  properties,
  suppressions: [],
});

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** policiesOfRole before the index: every role-policy resource tried against every role. */
function attachmentsByScan(role: Resource, graph: ResourceGraph): number {
  const names = [role.properties['name'], role.name];
  let n = 0;
  for (const a of graph.byType('aws_iam_role_policy')) {
    if (designatesResource(a.properties['role'], role, names)) n++;
  }
  return n;
}

const iamRows = [
  '| roles | role policies | all-pairs scan ms | policiesOfRole ms |',
  '| --- | --- | --- | --- |',
];
for (const roles of [500, 1000, 2000, 4000]) {
  const resources: Resource[] = [];
  for (let i = 0; i < roles; i++) {
    const role = resource('aws_iam_role', `r${i}`, { name: `role-${i}` });
    resources.push(
      role,
      resource('aws_iam_role_policy', `ref${i}`, { role: new ResourceRef(role.address), policy: '{}' }),
      resource('aws_iam_role_policy', `name${i}`, { role: `role-${i}`, policy: '{}' }),
    );
  }
  const roleList = resources.filter((r) => r.type === 'aws_iam_role');
  const scan = median(() => {
    const graph = buildGraph(resources);
    for (const r of roleList) attachmentsByScan(r, graph);
  });
  const indexed = median(() => {
    const graph = buildGraph(resources);
    for (const r of roleList) policiesOfRole(r, graph);
  });
  iamRows.push(`| ${roles} | ${roles * 2} | ${scan.toFixed(1)} | ${indexed.toFixed(1)} |`);
}

const script = (i: number): string =>
  [
    '#!/bin/bash',
    'set -euo pipefail',
    ...Array.from({ length: 400 }, (_, l) => `echo "step ${i}.${l}: pip install package-${l}==1.${l}.0"`),
  ].join('\n');
const variables = (i: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: 20 }, (_, v) => [`SETTING_${v}`, `value-${i}-${v}`]).concat([
      ['DB_PASSWORD_SECRET_ARN', `arn:aws:secretsmanager:us-east-1:1:secret:s${i}`],
    ]),
  );

const cases: Array<[ResourceRule, string, (i: number) => Resource]> = [
  [
    lambdaEnvironmentNoSecrets,
    '20 variables',
    (i) => resource('aws_lambda_function', `f${i}`, { environment: [{ variables: variables(i) }] }),
  ],
  [
    ec2UserDataNoSecrets,
    `${(script(0).length / 1024).toFixed(0)} KB user data`,
    (i) => resource('aws_instance', `i${i}`, { user_data: script(i) }),
  ],
  [
    ecsTaskDefinitionNoSecrets,
    '3 containers x 20 variables',
    (i) =>
      resource('aws_ecs_task_definition', `t${i}`, {
        container_definitions: JSON.stringify(
          [0, 1, 2].map((c) => ({
            name: `c${c}`,
            environment: Object.entries(variables(i)).map(([name, value]) => ({ name, value })),
          })),
        ),
      }),
  ],
];
const ruleRows = [
  '| rule | resource | resources | ms | ms per resource |',
  '| --- | --- | --- | --- | --- |',
];
for (const [rule, what, make] of cases) {
  for (const count of [100, 1000]) {
    const graph = buildGraph(Array.from({ length: count }, (_, i) => make(i)));
    const ctx = { graph };
    rule.evaluate(graph.resources[0]!, ctx); // compiles the gitleaks rules the text triggers
    const ms = median(() => {
      for (const r of graph.resources) rule.evaluate(r, ctx);
    });
    ruleRows.push(`| ${rule.id} | ${what} | ${count} | ${ms.toFixed(0)} | ${(ms / count).toFixed(2)} |`);
  }
}

console.log(iamRows.join('\n'));
console.log();
console.log(ruleRows.join('\n'));

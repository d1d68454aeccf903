import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoSecrets } from '../../../src/rules/ecs/ecs_task_definition_no_secrets.js';
import { evaluateRuleOn } from '../../helpers/evaluate.js';
import { runRuleCases } from '../sagemaker/cases.js';
import { ALL_SECRETS, AWS_ACCESS_KEY_ID, DB_PASSWORD, GITHUB_TOKEN } from './fixtures.js';

const rule = ecsTaskDefinitionNoSecrets;
const CFN = 'AWS::ECS::TaskDefinition.Task';
const TF = 'aws_ecs_task_definition.task';

const cfnTask = (container: string): string => `Resources:
  OpenAiKey:
    Type: AWS::SecretsManager::Secret
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: '1024'
      Memory: '2048'
${container}`;

const tfTask = (definitions: string): string => `variable "image" {}
resource "aws_secretsmanager_secret" "openai" {
  name = "openai"
}
resource "aws_ecs_task_definition" "task" {
  family                = "vllm"
  container_definitions = ${definitions}
}`;

const noSecretShown = (message: string): void => {
  for (const secret of ALL_SECRETS) expect(message).not.toContain(secret);
};

describe('ecs_task_definition_no_secrets on CloudFormation', () => {
  it('fails on a token in a container environment variable, naming the container', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      cfnTask(`      ContainerDefinitions:
        - Name: gateway
          Image: litellm/litellm
          Environment:
            - Name: LOG_LEVEL
              Value: info
            - Name: GITHUB_TOKEN
              Value: ${GITHUB_TOKEN}`),
      'cloudformation',
    );
    expect(outcome).toMatchObject({ address: CFN, status: 'fail' });
    expect(outcome!.message).toContain('container gateway variable GITHUB_TOKEN');
    expect(outcome!.message).toContain('github-pat');
    noSecretShown(outcome!.message);
  });

  it('fails on a key passed on the command line', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      cfnTask(`      ContainerDefinitions:
        - Name: server
          Image: vllm/vllm-openai
          Command: [--model, meta-llama/Llama-3.1-8B, '--api-key=${AWS_ACCESS_KEY_ID}']`),
      'cloudformation',
    );
    expect(outcome!.status).toBe('fail');
    expect(outcome!.message).toContain('container server command');
    noSecretShown(outcome!.message);
  });

  it('passes when secrets come from Secrets Manager through the Secrets list', async () => {
    expect(
      await evaluateRuleOn(
        rule,
        cfnTask(`      ContainerDefinitions:
        - Name: gateway
          Image: litellm/litellm
          Secrets:
            - Name: OPENAI_API_KEY
              ValueFrom: !Ref OpenAiKey
          Environment:
            - Name: OPENAI_API_KEY_SECRET
              Value: !Ref OpenAiKey
            - Name: DB_PASSWORD
              Value: '{{resolve:ssm-secure:/prod/db/password}}'`),
        'cloudformation',
      ),
    ).toEqual([{ address: CFN, status: 'pass', message: expect.any(String) }]);
  });

  it('is not applicable without container definitions', async () => {
    expect((await evaluateRuleOn(rule, cfnTask(''), 'cloudformation'))[0]!.status).toBe('not_applicable');
  });
});

describe('ecs_task_definition_no_secrets on Terraform', () => {
  it('fails on a password in jsonencode()d container definitions', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      tfTask(`jsonencode([{
    name        = "api"
    image       = var.image
    environment = [{ name = "DB_PASSWORD", value = "${DB_PASSWORD}" }]
  }])`),
      'terraform',
    );
    expect(outcome).toMatchObject({ address: TF, status: 'fail' });
    expect(outcome!.message).toContain('container api variable DB_PASSWORD');
    noSecretShown(outcome!.message);
  });

  it('fails on a key in a JSON heredoc', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      tfTask(`<<EOF
[{"name": "api", "image": "nginx", "environment": [{"name": "AWS_ACCESS_KEY_ID", "value": "${AWS_ACCESS_KEY_ID}"}]}]
EOF`),
      'terraform',
    );
    expect(outcome!.status).toBe('fail');
    expect(outcome!.message).toContain('aws-access-token');
  });

  it('passes with secrets from Secrets Manager', async () => {
    expect(
      (
        await evaluateRuleOn(
          rule,
          tfTask(`jsonencode([{
    name    = "api"
    image   = "nginx"
    secrets = [{ name = "OPENAI_API_KEY", valueFrom = aws_secretsmanager_secret.openai.arn }]
    environment = [{ name = "MODEL", value = "gpt-4o-mini" }]
  }])`),
          'terraform',
        )
      )[0]!.status,
    ).toBe('pass');
  });

  it('is unknown when the definitions are read from a file', async () => {
    expect((await evaluateRuleOn(rule, tfTask('file("containers.json")'), 'terraform'))[0]!.status).toBe(
      'unknown',
    );
  });
});

const cfnContainer = (environment: string): string =>
  cfnTask(
    `      ContainerDefinitions:\n        - Name: api\n          Image: nginx\n          Environment:\n${environment}`,
  );

runRuleCases(ecsTaskDefinitionNoSecrets, [
  {
    name: 'key in the environment',
    format: 'cloudformation',
    source: cfnContainer(`            - Name: AWS_ACCESS_KEY_ID\n              Value: ${AWS_ACCESS_KEY_ID}`),
    expected: { [CFN]: 'fail' },
    messageIncludes: 'aws-access-token',
  },
  {
    name: 'plain settings',
    format: 'cloudformation',
    source: cfnContainer(`            - Name: MODEL_ID\n              Value: meta-llama/Llama-3.1-8B`),
    expected: { [CFN]: 'pass' },
  },
  {
    name: 'no containers',
    format: 'cloudformation',
    source: cfnTask(''),
    expected: { [CFN]: 'not_applicable' },
  },
  {
    name: 'token in the environment',
    format: 'terraform',
    source: tfTask(
      `jsonencode([{ name = "api", image = "nginx", environment = [{ name = "GITHUB_TOKEN", value = "${GITHUB_TOKEN}" }] }])`,
    ),
    expected: { [TF]: 'fail' },
    messageIncludes: 'github-pat',
  },
  {
    name: 'plain settings',
    format: 'terraform',
    source: tfTask(
      `jsonencode([{ name = "api", image = "nginx", environment = [{ name = "MODEL_ID", value = "gpt-4o-mini" }] }])`,
    ),
    expected: { [TF]: 'pass' },
  },
  { name: 'no task definition', format: 'terraform', source: 'variable "image" {}', expected: {} },
  {
    name: 'definitions from a file',
    format: 'terraform',
    source: tfTask('file("containers.json")'),
    expected: { [TF]: 'unknown' },
  },
]);

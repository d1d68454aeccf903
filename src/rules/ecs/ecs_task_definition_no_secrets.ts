import { isResourceRef, isUnknown, Unknown } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import {
  findSecretsInText,
  literalText,
  scanVariables,
  secretsOutcome,
  type SecretFinding,
} from '../secrets/hardcoded-secrets.js';

const MAX_CONTAINER_DEFINITIONS_JSON = 1_000_000;

type Containers = unknown[] | Unknown | undefined;

/** CloudFormation `ContainerDefinitions`, or Terraform `container_definitions` (a JSON string or a jsonencode()d list). */
function containersOf(value: unknown): Containers {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value === 'string') {
    if (value.length > MAX_CONTAINER_DEFINITIONS_JSON)
      return new Unknown('container definitions are too large to read');
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return new Unknown('container definitions are not valid JSON');
    }
  }
  if (Array.isArray(value)) return value;
  return new Unknown('container definitions are not a list');
}

const field = (c: Record<string, unknown>, pascal: string, camel: string): unknown => c[pascal] ?? c[camel];

export const ecsTaskDefinitionNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'ecs_task_definition_no_secrets',
  title: 'ECS task definitions hold no hard-coded secrets in container environment or command',
  severity: 'critical',
  resourceTypes: {
    cloudformation: ['AWS::ECS::TaskDefinition'],
    terraform: ['aws_ecs_task_definition'],
  },
  rationale:
    'Model servers and AI gateways on ECS are commonly given provider API keys and database passwords as plain container environment variables or command arguments. Those are stored in the task definition, readable with ecs:DescribeTaskDefinition by anyone in the account, kept in every revision, and never rotated.',
  remediation: {
    text: 'Use the container `Secrets` (`secrets`) list with `ValueFrom` set to a Secrets Manager secret or SSM SecureString parameter, and grant the execution role read access to it; rotate any key that was committed.',
    cloudformation: `Secrets:
  - Name: OPENAI_API_KEY
    ValueFrom: !Ref OpenAiApiKeySecret`,
    terraform: `secrets = [{
  name      = "OPENAI_API_KEY"
  valueFrom = aws_secretsmanager_secret.openai.arn
}]`,
  },
  controls: ['no-secrets-in-ai-code-and-config', 'short-term-credentials-only'],
  equivalents: {
    checkov: [],
    prowler: ['ecs_task_definitions_no_environment_secrets'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const p = resource.properties;
    const containers = containersOf(p['ContainerDefinitions'] ?? p['container_definitions']);
    if (containers === undefined) return notApplicable(`${resource.address}: has no container definitions`);
    if (isUnknown(containers)) return secretsOutcome(resource, [], [containers], 'container definitions');
    const findings: SecretFinding[] = [];
    const unknowns: Unknown[] = [];
    containers.forEach((container, index) => {
      if (isUnknown(container)) {
        unknowns.push(container);
        return;
      }
      if (typeof container !== 'object' || container === null || isResourceRef(container)) return;
      const c = container as Record<string, unknown>;
      const nameValue = field(c, 'Name', 'name');
      const name = typeof nameValue === 'string' ? nameValue : `#${index + 1}`;
      const scan = scanVariables(
        field(c, 'Environment', 'environment'),
        (v) => `container ${name} variable ${v}`,
      );
      findings.push(...scan.findings);
      if (scan.unknown) unknowns.push(scan.unknown);
      for (const [key, label] of [
        [field(c, 'Command', 'command'), 'command'],
        [field(c, 'EntryPoint', 'entryPoint'), 'entry point'],
      ] as const) {
        if (!Array.isArray(key)) continue;
        const texts = key.flatMap((arg) => {
          const t = literalText(arg);
          return t && 'texts' in t ? t.texts : [];
        });
        if (texts.length > 0)
          findings.push(...findSecretsInText(texts.join('\n'), `container ${name} ${label}`));
      }
    });
    return secretsOutcome(resource, findings, unknowns, 'container definitions');
  },
};

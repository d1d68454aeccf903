import { getPath, isUnknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

const ROTATION_TYPES = ['AWS::SecretsManager::RotationSchedule', 'aws_secretsmanager_secret_rotation'];

export const secretsmanagerSecretRotationEnabled: ResourceRule = {
  kind: 'resource',
  id: 'secretsmanager_secret_rotation_enabled',
  title: 'Secrets Manager secrets have automatic rotation configured',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SecretsManager::Secret'],
    terraform: ['aws_secretsmanager_secret'],
  },
  rationale:
    'Long-lived secrets (model API keys, database passwords for RAG stores) leak through notebooks, logs and prompts. Rotation bounds how long a leaked value stays useful.',
  remediation: {
    text: 'Attach a rotation schedule with a rotation Lambda (or a managed rotation) to the secret.',
    cloudformation: `SecretRotation:
  Type: AWS::SecretsManager::RotationSchedule
  Properties:
    SecretId: !Ref ApiSecret
    RotationLambdaARN: !GetAtt RotationFunction.Arn
    RotationRules:
      AutomaticallyAfterDays: 30`,
    terraform: `resource "aws_secretsmanager_secret_rotation" "api" {
  secret_id           = aws_secretsmanager_secret.api.id
  rotation_lambda_arn = aws_lambda_function.rotate.arn
  rotation_rules {
    automatically_after_days = 30
  }
}`,
  },
  controls: ['no-secrets-in-ai-code-and-config', 'short-term-credentials-only'],
  equivalents: {
    checkov: [],
    prowler: ['secretsmanager_automatic_rotation_enabled'],
    securityhub: ['SecretsManager.1'],
    cdknag: [
      'AwsSolutions-SMG4',
      'NIST.800.53.R5-SecretsManagerRotationEnabled',
      'HIPAA.Security-SecretsManagerRotationEnabled',
    ],
  },
  evaluate(resource, ctx) {
    const schedules = ctx.graph.referrers(resource).filter((r) => ROTATION_TYPES.includes(r.type));
    const unreferenced = ctx.graph
      .byType(...ROTATION_TYPES)
      .filter((r) => isUnknown(r.properties['SecretId'] ?? r.properties['secret_id']));
    const schedule = schedules[0];
    if (schedule) {
      const lambda = schedule.properties['RotationLambdaARN'] ?? schedule.properties['rotation_lambda_arn'];
      const hosted = schedule.properties['HostedRotationLambda'];
      const rules = schedule.properties['RotationRules'] ?? getPath(schedule.properties, 'rotation_rules');
      if (lambda === undefined && hosted === undefined && rules === undefined) {
        return fail(`${resource.address}: ${schedule.address} sets no rotation function or rules`);
      }
      return pass(`${resource.address}: rotation is configured by ${schedule.address}`);
    }
    const inline = resource.properties['rotation_lambda_arn'];
    if (inline !== undefined) return pass(`${resource.address}: rotation is configured on the secret`);
    if (unreferenced[0])
      return unknown(
        `${resource.address}: ${unreferenced[0].address} rotates a secret that cannot be resolved statically`,
      );
    return fail(`${resource.address}: no rotation schedule is attached to the secret`);
  },
};

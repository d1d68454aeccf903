import { prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import type { ResourceRule } from '../types.js';

export const secretsmanagerSecretEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 'secretsmanager_secret_encrypted_with_cmk',
  title: 'Secrets Manager secrets are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SecretsManager::Secret'],
    terraform: ['aws_secretsmanager_secret'],
  },
  rationale:
    'Secrets of an AI workload include model provider API keys, vector-store credentials and database passwords. With the AWS managed aws/secretsmanager key anyone with secretsmanager:GetSecretValue can read them; a customer managed key adds a second, auditable permission and cross-account sharing control.',
  remediation: {
    text: 'Set the secret KMS key to a customer managed key.',
    cloudformation: `KmsKeyId: !Ref SecretsKey`,
    terraform: `kms_key_id = aws_kms_key.secrets.arn`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: {
    checkov: ['CKV_AWS_149'],
    prowler: [],
    securityhub: [],
    cdknag: ['NIST.800.53.R5-SecretsManagerUsingKMSKey', 'HIPAA.Security-SecretsManagerUsingKMSKey'],
  },
  evaluate(resource, ctx) {
    return customerManagedKeyOutcome(
      resource,
      prop(resource, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' }),
      ctx.graph,
      'the secret',
    );
  },
};

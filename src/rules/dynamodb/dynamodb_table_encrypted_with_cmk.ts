import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import { fail, unknown, type ResourceRule } from '../types.js';

export const dynamodbTableEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb_table_encrypted_with_cmk',
  title: 'DynamoDB tables are encrypted with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    terraform: ['aws_dynamodb_table'],
  },
  rationale:
    'DynamoDB often holds agent memory, conversation history and training metadata, which carry personal data and prompts. Tables are encrypted by default with an AWS owned key that you cannot audit or revoke; a customer managed key puts decryption under your key policy and in CloudTrail.',
  remediation: {
    text: 'Enable server-side encryption with SSEType KMS and a customer managed key.',
    cloudformation: `SSESpecification:
  SSEEnabled: true
  SSEType: KMS
  KMSMasterKeyId: !Ref TableKey`,
    terraform: `server_side_encryption {
  enabled     = true
  kms_key_arn = aws_kms_key.table.arn
}`,
  },
  controls: ['training-data-cmk-encryption', 'ai-app-session-isolation'],
  equivalents: {
    checkov: ['CKV_AWS_119'],
    prowler: ['dynamodb_tables_kms_cmk_encryption_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const enabled = asBoolean(
      prop(resource, {
        cloudformation: 'SSESpecification.SSEEnabled',
        terraform: 'server_side_encryption.enabled',
      }),
    );
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled !== true)
      return fail(
        `${resource.address}: uses the default AWS owned key (server-side encryption with KMS is not enabled)`,
      );
    // Replicas of global tables may name their own key; the table-level key applies otherwise.
    const key =
      prop(resource, {
        cloudformation: 'SSESpecification.KMSMasterKeyId',
        terraform: 'server_side_encryption.kms_key_arn',
      }) ?? prop(resource, { cloudformation: 'Replicas.SSESpecification.KMSMasterKeyId' });
    return customerManagedKeyOutcome(resource, key, ctx.graph, 'table encryption');
  },
};

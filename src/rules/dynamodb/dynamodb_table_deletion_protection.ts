import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const dynamodbTableDeletionProtection: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb_table_deletion_protection',
  title: 'DynamoDB tables have deletion protection enabled',
  severity: 'low',
  resourceTypes: {
    cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    terraform: ['aws_dynamodb_table'],
  },
  rationale:
    'Agent memory, conversation history and training metadata tables are hard to rebuild. Deletion protection stops a mistaken stack update, a careless destroy or an over-privileged agent from dropping the table.',
  remediation: {
    text: 'Enable deletion protection.',
    cloudformation: `DeletionProtectionEnabled: true`,
    terraform: `deletion_protection_enabled = true`,
  },
  controls: ['agent-memory-integrity', 'training-data-backup'],
  equivalents: {
    checkov: [],
    prowler: ['dynamodb_table_deletion_protection_enabled'],
    securityhub: ['DynamoDB.6'],
    cdknag: [],
  },
  evaluate(resource) {
    const value =
      resource.type === 'AWS::DynamoDB::GlobalTable'
        ? prop(resource, { cloudformation: 'Replicas.DeletionProtectionEnabled' })
        : prop(resource, {
            cloudformation: 'DeletionProtectionEnabled',
            terraform: 'deletion_protection_enabled',
          });
    const enabled = asBoolean(value);
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: deletion protection is enabled`);
    return fail(`${resource.address}: deletion protection is off (the default)`);
  },
};

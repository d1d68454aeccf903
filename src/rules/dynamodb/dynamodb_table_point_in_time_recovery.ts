import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const dynamodbTablePointInTimeRecovery: ResourceRule = {
  kind: 'resource',
  id: 'dynamodb_table_point_in_time_recovery',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    terraform: ['aws_dynamodb_table'],
  },
  rationale:
    'Point-in-time recovery restores a table to any second in the last 35 days. When an agent with write access corrupts its memory store or training metadata is deleted, it is the way back.',
  remediation: {
    text: 'Enable point-in-time recovery.',
    cloudformation: `PointInTimeRecoverySpecification:
  PointInTimeRecoveryEnabled: true`,
    terraform: `point_in_time_recovery {
  enabled = true
}`,
  },
  controls: ['training-data-backup', 'agent-memory-integrity'],
  equivalents: {
    checkov: ['CKV_AWS_28', 'CKV_AWS_165'],
    prowler: ['dynamodb_tables_pitr_enabled'],
    securityhub: ['DynamoDB.2'],
    cdknag: ['AwsSolutions-DDB3', 'NIST.800.53.R5-DynamoDBPITREnabled', 'HIPAA.Security-DynamoDBPITREnabled'],
  },
  evaluate(resource) {
    const value =
      resource.type === 'AWS::DynamoDB::GlobalTable'
        ? prop(resource, {
            cloudformation: 'Replicas.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled',
          })
        : prop(resource, {
            cloudformation: 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled',
            terraform: 'point_in_time_recovery.enabled',
          });
    const enabled = asBoolean(value);
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: point-in-time recovery is enabled`);
    return fail(`${resource.address}: point-in-time recovery is off (the default)`);
  },
};

import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type GraphRule } from '../types.js';
import { absentMessage, accountAnchor } from './account-scope.js';
import { TRAIL_TYPES } from './trail-types.js';

export const cloudtrailEnabled: GraphRule = {
  kind: 'graph',
  id: 'cloudtrail_enabled',
  title: 'A CloudTrail trail is declared and logging',
  severity: 'medium',
  resourceTypes: TRAIL_TYPES,
  rationale:
    'CloudTrail records every API call, including Bedrock and SageMaker control-plane calls and who changed guardrails, model access or training data permissions. Without a trail there is no audit record of the AI workload. The rule fails when the scanned code declares no trail; an organization trail in another stack cannot be seen statically, so suppress the finding with that reason if it exists.',
  remediation: {
    text: 'Declare a multi-Region trail with log file validation, KMS encryption and CloudWatch Logs delivery (or confirm an organization trail covers the account).',
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    IsMultiRegionTrail: true
    EnableLogFileValidation: true
    S3BucketName: !Ref AuditBucket
    KMSKeyId: !Ref AuditKey`,
    terraform: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.audit.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.audit.arn
}`,
  },
  controls: ['cloudtrail-multi-region-validated'],
  equivalents: {
    checkov: ['CKV_AWS_251'],
    prowler: ['cloudtrail_multi_region_enabled'],
    securityhub: ['CloudTrail.1'],
    cdknag: [],
  },
  evaluateGraph(ctx) {
    const trails = ctx.graph.byType(...TRAIL_TYPES.cloudformation, ...TRAIL_TYPES.terraform);
    if (trails.length === 0) {
      const anchor = accountAnchor(ctx.graph);
      return anchor
        ? [
            {
              resource: anchor,
              ...fail(absentMessage(anchor, 'CloudTrail trail', 'AWS::CloudTrail::Trail / aws_cloudtrail')),
            },
          ]
        : [];
    }
    return trails.map((trail) => {
      // IsLogging is required in CloudFormation; Terraform's enable_logging defaults to true.
      const raw = prop(trail, { cloudformation: 'IsLogging', terraform: 'enable_logging' });
      const logging =
        raw === undefined && trail.source !== 'cloudformation' && trail.source !== 'cdk'
          ? true
          : asBoolean(raw);
      if (isUnknown(logging))
        return {
          resource: trail,
          ...unknown(`${trail.address}: cannot be decided statically: ${logging.reason}`),
        };
      if (logging === true) return { resource: trail, ...pass(`${trail.address}: the trail is logging`) };
      return { resource: trail, ...fail(`${trail.address}: the trail is declared but not logging`) };
    });
  },
};

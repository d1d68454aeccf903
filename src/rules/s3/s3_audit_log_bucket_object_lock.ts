import {
  asBoolean,
  getPath,
  isUnknown,
  type Resource,
  type ResourceGraph,
  S3_BUCKET_TYPES,
  bucketCompanions,
  designatesBucket,
} from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

/** Resources that write audit logs into a bucket: CloudTrail trails and Bedrock model invocation logging. */
function auditLogWriters(bucket: Resource, graph: ResourceGraph): Resource[] {
  const writers: Resource[] = [];
  for (const trail of graph.byType('AWS::CloudTrail::Trail', 'aws_cloudtrail')) {
    if (
      designatesBucket(trail.properties['S3BucketName'] ?? trail.properties['s3_bucket_name'], bucket) ===
      true
    )
      writers.push(trail);
  }
  for (const logging of graph.byType(
    'aws_bedrock_model_invocation_logging_configuration',
    'AWS::Bedrock::ModelInvocationLoggingConfiguration',
  )) {
    const target =
      getPath(logging.properties, 'logging_config.s3_config.bucket_name') ??
      getPath(logging.properties, 'LoggingConfig.S3Config.BucketName');
    if (designatesBucket(target, bucket) === true) writers.push(logging);
  }
  return writers;
}

export const s3AuditLogBucketObjectLock: ResourceRule = {
  kind: 'resource',
  id: 's3_audit_log_bucket_object_lock',
  title: 'Buckets that receive CloudTrail or Bedrock invocation logs have Object Lock enabled',
  severity: 'medium',
  resourceTypes: S3_BUCKET_TYPES,
  rationale:
    'Audit logs are evidence: CloudTrail records and Bedrock prompt/response logs are what an investigation of model abuse or data exfiltration relies on. Object Lock makes them write-once, so an attacker with bucket access cannot erase their tracks.',
  remediation: {
    text: 'Create the log bucket with Object Lock enabled and a default retention in governance or compliance mode.',
    cloudformation: `ObjectLockEnabled: true
ObjectLockConfiguration:
  ObjectLockEnabled: Enabled
  Rule:
    DefaultRetention:
      Mode: GOVERNANCE
      Days: 365`,
    terraform: `resource "aws_s3_bucket" "audit" {
  bucket              = "org-audit-logs"
  object_lock_enabled = true
}
resource "aws_s3_bucket_object_lock_configuration" "audit" {
  bucket = aws_s3_bucket.audit.id
  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 365
    }
  }
}`,
  },
  controls: ['cloudtrail-multi-region-validated', 'prompt-and-response-logging-governed'],
  equivalents: {
    checkov: [],
    prowler: ['s3_bucket_object_lock'],
    securityhub: ['S3.15'],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const writers = auditLogWriters(resource, ctx.graph);
    if (writers.length === 0)
      return notApplicable(
        `${resource.address}: no scanned trail or Bedrock invocation logging writes to this bucket`,
      );
    const by = writers.map((w) => w.address).join(', ');
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const candidates: unknown[] = cfn
      ? [resource.properties['ObjectLockEnabled']]
      : [
          resource.properties['object_lock_enabled'],
          getPath(resource.properties, 'object_lock_configuration.object_lock_enabled'),
          ...bucketCompanions(resource, ctx.graph, ['aws_s3_bucket_object_lock_configuration']).found.map(
            (c) => c.properties['object_lock_enabled'] ?? 'Enabled',
          ),
        ];
    for (const value of candidates) {
      if (isUnknown(value))
        return unknown(`${resource.address}: cannot be decided statically: ${value.reason}`);
      if (value === 'Enabled' || asBoolean(value) === true)
        return pass(`${resource.address}: Object Lock is enabled on the audit log bucket of ${by}`);
    }
    return fail(`${resource.address}: receives audit logs from ${by} but Object Lock is not enabled`);
  },
};

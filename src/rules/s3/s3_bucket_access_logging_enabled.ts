import {
  getPath,
  isUnknown,
  type Resource,
  type ResourceGraph,
  S3_BUCKET_TYPES,
  bucketCompanions,
  designatesBucket,
} from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

/** The first bucket (or logging resource) that delivers its server access logs into `bucket`. */
function accessLogSource(bucket: Resource, graph: ResourceGraph): Resource | undefined {
  return graph.referrers(bucket).find((r) => {
    const target =
      r.type === 'AWS::S3::Bucket'
        ? getPath(r.properties, 'LoggingConfiguration.DestinationBucketName')
        : r.type === 'aws_s3_bucket'
          ? getPath(r.properties, 'logging.target_bucket')
          : r.type === 'aws_s3_bucket_logging'
            ? r.properties['target_bucket']
            : undefined;
    return target !== undefined && designatesBucket(target, bucket) === true;
  });
}

export const s3BucketAccessLoggingEnabled: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_access_logging_enabled',
  title: 'S3 buckets record server access logs',
  severity: 'medium',
  resourceTypes: S3_BUCKET_TYPES,
  rationale:
    'Server access logs record every request to a bucket, including reads of training data and model artifacts that CloudTrail management events do not show. Without them an exfiltration or poisoning attempt leaves no trace to investigate.',
  remediation: {
    text: 'Send server access logs to a dedicated log bucket (which itself does not log to avoid loops).',
    cloudformation: `LoggingConfiguration:
  DestinationBucketName: !Ref AccessLogBucket
  LogFilePrefix: data/`,
    terraform: `resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}`,
  },
  controls: ['data-bucket-access-logging'],
  equivalents: {
    checkov: ['CKV_AWS_18'],
    prowler: ['s3_bucket_server_access_logging_enabled'],
    securityhub: ['S3.9'],
    cdknag: [
      'AwsSolutions-S1',
      'NIST.800.53.R5-S3BucketLoggingEnabled',
      'HIPAA.Security-S3BucketLoggingEnabled',
    ],
  },
  evaluate(resource, ctx) {
    const source = accessLogSource(resource, ctx.graph);
    if (source) {
      return notApplicable(
        `${resource.address}: receives server access logs from ${source.address}; a log bucket that logs to itself loops`,
      );
    }
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    let target: unknown = cfn
      ? getPath(resource.properties, 'LoggingConfiguration')
      : getPath(resource.properties, 'logging.target_bucket');
    if (target === undefined && !cfn) {
      const { found, undecided } = bucketCompanions(resource, ctx.graph, ['aws_s3_bucket_logging']);
      if (found[0]) target = found[0].properties['target_bucket'];
      else if (undecided)
        return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    }
    if (isUnknown(target))
      return unknown(`${resource.address}: cannot be decided statically: ${target.reason}`);
    if (target === undefined || target === null)
      return fail(`${resource.address}: server access logging is not configured`);
    return pass(`${resource.address}: server access logging is configured`);
  },
};

import {
  getPath,
  isUnknown,
  type Resource,
  S3_BUCKET_TYPES,
  bucketCompanions,
  configuredBucket,
} from '../../resources/index.js';
import { customerManagedKeyOutcome } from '../kms/customer-managed-key.js';
import { fail, notApplicable, unknown, type ResourceRule } from '../types.js';
import { describeValue } from '../cloudtrail/references.js';

const SPLIT_TYPE = 'aws_s3_bucket_server_side_encryption_configuration';

/** The default-encryption block of a bucket (inline or from a Terraform v4+ split resource), or of a split resource itself. */
function defaultEncryption(
  bucket: Resource,
  ctx: Parameters<ResourceRule['evaluate']>[1],
): { config: unknown; undecided?: string } {
  if (bucket.type === SPLIT_TYPE)
    return { config: getPath(bucket.properties, 'rule.apply_server_side_encryption_by_default') };
  if (bucket.source === 'cloudformation' || bucket.source === 'cdk') {
    return {
      config: getPath(
        bucket.properties,
        'BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault',
      ),
    };
  }
  const inline = getPath(
    bucket.properties,
    'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default',
  );
  if (inline !== undefined) return { config: inline };
  const { found, undecided } = bucketCompanions(bucket, ctx.graph, [SPLIT_TYPE]);
  const split = found[0];
  if (split) return { config: getPath(split.properties, 'rule.apply_server_side_encryption_by_default') };
  return undecided ? { config: undefined, undecided: undecided.reason } : { config: undefined };
}

export const s3BucketEncryptedWithCmk: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_encrypted_with_cmk',
  title: 'S3 buckets encrypt objects by default with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: S3_BUCKET_TYPES.cloudformation,
    terraform: [...S3_BUCKET_TYPES.terraform, SPLIT_TYPE],
  },
  rationale:
    'Training data, model artifacts and prompt logs in S3 are the crown jewels of an AI workload. SSE-S3 and the AWS managed aws/s3 key encrypt them, but only a customer managed key lets you restrict who can decrypt, audit every decrypt in CloudTrail and revoke access by disabling the key.',
  remediation: {
    text: 'Set default encryption to aws:kms with a customer managed KMS key and enable S3 Bucket Keys to keep KMS costs down.',
    cloudformation: `BucketEncryption:
  ServerSideEncryptionConfiguration:
    - ServerSideEncryptionByDefault:
        SSEAlgorithm: aws:kms
        KMSMasterKeyID: !GetAtt DataKey.Arn
      BucketKeyEnabled: true`,
    terraform: `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}`,
  },
  controls: ['training-data-cmk-encryption', 'model-artifact-cmk-encryption'],
  equivalents: {
    checkov: [],
    prowler: ['s3_bucket_kms_encryption'],
    securityhub: ['S3.17'],
    cdknag: ['NIST.800.53.R5-S3DefaultEncryptionKMS', 'HIPAA.Security-S3DefaultEncryptionKMS'],
  },
  evaluate(resource, ctx) {
    if (resource.type === SPLIT_TYPE) {
      const bucket = configuredBucket(resource, ctx.graph);
      if (bucket)
        return notApplicable(`${resource.address}: judged on the bucket it configures, ${bucket.address}`);
    }
    const { config, undecided } = defaultEncryption(resource, ctx);
    if (config === undefined) {
      if (undecided)
        return unknown(
          `${resource.address}: an encryption configuration names an unresolved bucket: ${undecided}`,
        );
      return fail(
        `${resource.address}: no default encryption is configured, so objects get SSE-S3 with an AWS owned key`,
      );
    }
    if (isUnknown(config))
      return unknown(`${resource.address}: cannot be decided statically: ${config.reason}`);
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const algorithm = getPath(config, cfn ? 'SSEAlgorithm' : 'sse_algorithm');
    if (isUnknown(algorithm))
      return unknown(`${resource.address}: cannot be decided statically: ${algorithm.reason}`);
    if (typeof algorithm !== 'string' || !algorithm.startsWith('aws:kms')) {
      return fail(
        `${resource.address}: default encryption is ${describeValue(algorithm)}, not aws:kms with a customer managed key`,
      );
    }
    return customerManagedKeyOutcome(
      resource,
      getPath(config, cfn ? 'KMSMasterKeyID' : 'kms_master_key_id'),
      ctx.graph,
      'default encryption',
    );
  },
};

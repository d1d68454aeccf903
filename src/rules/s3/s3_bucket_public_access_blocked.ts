import {
  asBoolean,
  getPath,
  isUnknown,
  S3_BUCKET_TYPES,
  bucketCompanions,
  configuredBucket,
} from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

const SPLIT_TYPE = 'aws_s3_bucket_public_access_block';

const FLAGS = [
  ['BlockPublicAcls', 'block_public_acls'],
  ['BlockPublicPolicy', 'block_public_policy'],
  ['IgnorePublicAcls', 'ignore_public_acls'],
  ['RestrictPublicBuckets', 'restrict_public_buckets'],
] as const;

export const s3BucketPublicAccessBlocked: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_public_access_blocked',
  title: 'S3 buckets block public access with all four settings',
  severity: 'high',
  resourceTypes: {
    cloudformation: S3_BUCKET_TYPES.cloudformation,
    terraform: [...S3_BUCKET_TYPES.terraform, SPLIT_TYPE],
  },
  rationale:
    'One public ACL or bucket policy is enough to leak a training set or a model. The bucket-level Block Public Access settings override such grants; all four are needed, because each one covers a different path (new ACLs, existing ACLs, new policies, existing public policies).',
  remediation: {
    text: 'Turn on all four Block Public Access settings on the bucket.',
    cloudformation: `PublicAccessBlockConfiguration:
  BlockPublicAcls: true
  BlockPublicPolicy: true
  IgnorePublicAcls: true
  RestrictPublicBuckets: true`,
    terraform: `resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
  },
  controls: ['data-bucket-public-access-blocked'],
  equivalents: {
    checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
    prowler: ['s3_bucket_level_public_access_block'],
    securityhub: ['S3.8'],
    cdknag: [
      'AwsSolutions-S2',
      'NIST.800.53.R5-S3BucketLevelPublicAccessProhibited',
      'HIPAA.Security-S3BucketLevelPublicAccessProhibited',
    ],
  },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    let block: unknown;
    if (resource.type === SPLIT_TYPE) {
      const bucket = configuredBucket(resource, ctx.graph);
      if (bucket)
        return notApplicable(`${resource.address}: judged on the bucket it configures, ${bucket.address}`);
      block = resource.properties;
    } else if (cfn) block = resource.properties['PublicAccessBlockConfiguration'];
    else {
      const { found, undecided } = bucketCompanions(resource, ctx.graph, [SPLIT_TYPE]);
      if (found[0]) block = found[0].properties;
      else if (undecided)
        return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    }
    if (block === undefined)
      return fail(`${resource.address}: no public access block is configured for the bucket`);
    if (isUnknown(block))
      return unknown(`${resource.address}: cannot be decided statically: ${block.reason}`);
    const off: string[] = [];
    for (const [cfnKey, tfKey] of FLAGS) {
      const value = asBoolean(getPath(block, cfn ? cfnKey : tfKey));
      if (isUnknown(value))
        return unknown(`${resource.address}: cannot be decided statically: ${value.reason}`);
      if (value !== true) off.push(cfn ? cfnKey : tfKey);
    }
    if (off.length > 0) return fail(`${resource.address}: public access block leaves ${off.join(', ')} off`);
    return pass(`${resource.address}: all four public access block settings are on`);
  },
};

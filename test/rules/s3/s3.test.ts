import { s3AuditLogBucketObjectLock } from '../../../src/rules/s3/s3_audit_log_bucket_object_lock.js';
import { s3BucketAccessLoggingEnabled } from '../../../src/rules/s3/s3_bucket_access_logging_enabled.js';
import { s3BucketEncryptedWithCmk } from '../../../src/rules/s3/s3_bucket_encrypted_with_cmk.js';
import { s3BucketNoPublicAcl } from '../../../src/rules/s3/s3_bucket_no_public_acl.js';
import { s3BucketPolicyNoPublicPrincipal } from '../../../src/rules/s3/s3_bucket_policy_no_public_principal.js';
import { s3BucketPublicAccessBlocked } from '../../../src/rules/s3/s3_bucket_public_access_blocked.js';
import { s3BucketTlsOnlyPolicy } from '../../../src/rules/s3/s3_bucket_tls_only_policy.js';
import { s3BucketVersioningEnabled } from '../../../src/rules/s3/s3_bucket_versioning_enabled.js';
import { cfn, getAtt, ref, runRuleCases } from '../sagemaker/cases.js';

const B = 'AWS::S3::Bucket.Data';
const TB = 'aws_s3_bucket.data';
const bucket = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Data: { Type: 'AWS::S3::Bucket', Properties: props },
    ...extra,
  });
const tf = (body: string, extra = '') => `
resource "aws_kms_key" "k" {}
resource "aws_s3_bucket" "data" {
  bucket = "training-data"
  ${body}
}
${extra}`;
const noBucketCfn = cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} } });
const noBucketTf = 'resource "aws_kms_key" "k" {}';

const sse = (algorithm: string, key?: unknown) => ({
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [
      {
        ServerSideEncryptionByDefault: {
          SSEAlgorithm: algorithm,
          ...(key === undefined ? {} : { KMSMasterKeyID: key }),
        },
      },
    ],
  },
});
const tfSse = (algorithm: string, key = '') => `
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "${algorithm}"
      ${key}
    }
  }
}`;

runRuleCases(s3BucketEncryptedWithCmk, [
  {
    name: 'aws:kms with a key resource',
    format: 'cloudformation',
    source: bucket(sse('aws:kms', getAtt('Key', 'Arn'))),
    expected: { [B]: 'pass' },
  },
  {
    name: 'aws:kms with an alias resource of a key',
    format: 'cloudformation',
    source: bucket(sse('aws:kms', ref('Alias')), {
      Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/data', TargetKeyId: ref('Key') } },
    }),
    expected: { [B]: 'pass' },
  },
  {
    name: 'aws:kms without a key uses aws/s3',
    format: 'cloudformation',
    source: bucket(sse('aws:kms')),
    expected: { [B]: 'fail' },
  },
  {
    name: 'aws:kms with the aws/s3 alias',
    format: 'cloudformation',
    source: bucket(sse('aws:kms', 'alias/aws/s3')),
    expected: { [B]: 'fail' },
  },
  { name: 'AES256', format: 'cloudformation', source: bucket(sse('AES256')), expected: { [B]: 'fail' } },
  { name: 'no encryption block', format: 'cloudformation', source: bucket({}), expected: { [B]: 'fail' } },
  {
    name: 'imported key',
    format: 'cloudformation',
    source: bucket(sse('aws:kms', { 'Fn::ImportValue': 'key' })),
    expected: { [B]: 'unknown' },
  },
  { name: 'no bucket', format: 'cloudformation', source: noBucketCfn, expected: {} },
  {
    name: 'split resource with a CMK',
    format: 'terraform',
    source: tf('', tfSse('aws:kms', 'kms_master_key_id = aws_kms_key.k.arn')),
    expected: { [TB]: 'pass', 'aws_s3_bucket_server_side_encryption_configuration.data': 'not_applicable' },
  },
  {
    name: 'v3 inline block with a CMK',
    format: 'terraform',
    source: tf(`server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.k.arn
      }
    }
  }`),
    expected: { [TB]: 'pass' },
  },
  {
    name: 'split resource with AES256',
    format: 'terraform',
    source: tf('', tfSse('AES256')),
    expected: { [TB]: 'fail', 'aws_s3_bucket_server_side_encryption_configuration.data': 'not_applicable' },
  },
  {
    name: 'split resource for a bucket outside the scanned code',
    format: 'terraform',
    source: tfSse('aws:kms').replace('aws_s3_bucket.data.id', '"external-bucket"'),
    expected: { 'aws_s3_bucket_server_side_encryption_configuration.data': 'fail' },
  },
  { name: 'nothing configured', format: 'terraform', source: tf(''), expected: { [TB]: 'fail' } },
  { name: 'no bucket', format: 'terraform', source: noBucketTf, expected: {} },
]);

runRuleCases(s3BucketVersioningEnabled, [
  {
    name: 'Enabled',
    format: 'cloudformation',
    source: bucket({ VersioningConfiguration: { Status: 'Enabled' } }),
    expected: { [B]: 'pass' },
  },
  {
    name: 'Suspended',
    format: 'cloudformation',
    source: bucket({ VersioningConfiguration: { Status: 'Suspended' } }),
    expected: { [B]: 'fail' },
  },
  { name: 'absent', format: 'cloudformation', source: bucket({}), expected: { [B]: 'fail' } },
  { name: 'no bucket', format: 'cloudformation', source: noBucketCfn, expected: {} },
  {
    name: 'split resource Enabled',
    format: 'terraform',
    source: tf(
      '',
      `resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    ),
    expected: { [TB]: 'pass', 'aws_s3_bucket_versioning.v': 'not_applicable' },
  },
  {
    name: 'v3 inline enabled',
    format: 'terraform',
    source: tf('versioning {\n enabled = true\n }'),
    expected: { [TB]: 'pass' },
  },
  {
    name: 'v3 inline disabled',
    format: 'terraform',
    source: tf('versioning {\n enabled = false\n }'),
    expected: { [TB]: 'fail' },
  },
  {
    name: 'split resource for another bucket',
    format: 'terraform',
    source: tf(
      '',
      `resource "aws_s3_bucket" "other" {}
resource "aws_s3_bucket_versioning" "v" {
  bucket = aws_s3_bucket.other.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    ),
    expected: { [TB]: 'fail', 'aws_s3_bucket.other': 'pass', 'aws_s3_bucket_versioning.v': 'not_applicable' },
  },
  { name: 'no bucket', format: 'terraform', source: noBucketTf, expected: {} },
]);

const allBlocked = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};
const tfPab = (flags: Record<string, boolean>) => `
resource "aws_s3_bucket_public_access_block" "pab" {
  bucket = aws_s3_bucket.data.id
${Object.entries(flags)
  .map(([k, v]) => `  ${k} = ${String(v)}`)
  .join('\n')}
}`;
runRuleCases(s3BucketPublicAccessBlocked, [
  {
    name: 'all four on',
    format: 'cloudformation',
    source: bucket({ PublicAccessBlockConfiguration: allBlocked }),
    expected: { [B]: 'pass' },
  },
  {
    name: 'RestrictPublicBuckets off',
    format: 'cloudformation',
    source: bucket({ PublicAccessBlockConfiguration: { ...allBlocked, RestrictPublicBuckets: false } }),
    expected: { [B]: 'fail' },
    messageIncludes: 'RestrictPublicBuckets',
  },
  { name: 'no block', format: 'cloudformation', source: bucket({}), expected: { [B]: 'fail' } },
  { name: 'no bucket', format: 'cloudformation', source: noBucketCfn, expected: {} },
  {
    name: 'all four on',
    format: 'terraform',
    source: tf(
      '',
      tfPab({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ),
    expected: { [TB]: 'pass', 'aws_s3_bucket_public_access_block.pab': 'not_applicable' },
  },
  {
    name: 'one missing (defaults to false)',
    format: 'terraform',
    source: tf('', tfPab({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true })),
    expected: { [TB]: 'fail', 'aws_s3_bucket_public_access_block.pab': 'not_applicable' },
  },
  {
    name: 'block for a bucket outside the scanned code',
    format: 'terraform',
    source: tfPab({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true }).replace(
      'aws_s3_bucket.data.id',
      '"external-bucket"',
    ),
    expected: { 'aws_s3_bucket_public_access_block.pab': 'fail' },
    messageIncludes: 'restrict_public_buckets',
  },
  { name: 'no block resource', format: 'terraform', source: tf(''), expected: { [TB]: 'fail' } },
  { name: 'no bucket', format: 'terraform', source: noBucketTf, expected: {} },
]);

const denyHttp = {
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [getAtt('Data', 'Arn'), { 'Fn::Sub': '${Data.Arn}/*' }],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const withPolicy = (statements: unknown[]) =>
  bucket(
    {},
    {
      Policy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: { Bucket: ref('Data'), PolicyDocument: { Version: '2012-10-17', Statement: statements } },
      },
    },
  );
const tfPolicy = (statement: string) => `
data "aws_iam_policy_document" "p" {
  statement {
${statement}
  }
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.p.json
}`;
const tfDenyHttp = `
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }`;
runRuleCases(s3BucketTlsOnlyPolicy, [
  {
    name: 'deny on SecureTransport false',
    format: 'cloudformation',
    source: withPolicy([denyHttp]),
    expected: { [B]: 'pass', 'AWS::S3::BucketPolicy.Policy': 'not_applicable' },
  },
  {
    name: 'boolean false in the condition',
    format: 'cloudformation',
    source: withPolicy([{ ...denyHttp, Condition: { Bool: { 'aws:SecureTransport': false } } }]),
    expected: { [B]: 'pass', 'AWS::S3::BucketPolicy.Policy': 'not_applicable' },
  },
  {
    name: 'deny only on DeleteBucket',
    format: 'cloudformation',
    source: withPolicy([{ ...denyHttp, Action: 's3:DeleteBucket' }]),
    expected: { [B]: 'fail', 'AWS::S3::BucketPolicy.Policy': 'not_applicable' },
  },
  {
    name: 'allow on SecureTransport true does not refuse HTTP',
    format: 'cloudformation',
    source: withPolicy([
      { ...denyHttp, Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    ]),
    expected: { [B]: 'fail', 'AWS::S3::BucketPolicy.Policy': 'not_applicable' },
  },
  { name: 'no policy', format: 'cloudformation', source: bucket({}), expected: { [B]: 'fail' } },
  {
    name: 'policy for a bucket outside the scanned code',
    format: 'cloudformation',
    source: cfn({
      Policy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: 'external-bucket',
          PolicyDocument: { Statement: [{ ...denyHttp, Resource: 'arn:aws:s3:::external-bucket/*' }] },
        },
      },
    }),
    expected: { 'AWS::S3::BucketPolicy.Policy': 'pass' },
  },
  { name: 'no bucket', format: 'cloudformation', source: noBucketCfn, expected: {} },
  {
    name: 'policy document data source',
    format: 'terraform',
    source: tf('', tfPolicy(tfDenyHttp)),
    expected: { [TB]: 'pass', 'aws_s3_bucket_policy.p': 'not_applicable' },
  },
  {
    name: 'jsonencode policy',
    format: 'terraform',
    source: tf(
      '',
      `resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}`,
    ),
    expected: { [TB]: 'pass', 'aws_s3_bucket_policy.p': 'not_applicable' },
  },
  {
    name: 'policy without the deny',
    format: 'terraform',
    source: tf('', tfPolicy('actions = ["s3:GetObject"]\n resources = ["*"]')),
    expected: { [TB]: 'fail', 'aws_s3_bucket_policy.p': 'not_applicable' },
  },
  { name: 'no policy', format: 'terraform', source: tf(''), expected: { [TB]: 'fail' } },
  { name: 'no bucket', format: 'terraform', source: noBucketTf, expected: {} },
]);

runRuleCases(s3BucketAccessLoggingEnabled, [
  {
    name: 'logs to another bucket; the log bucket is not judged',
    format: 'cloudformation',
    source: bucket(
      { LoggingConfiguration: { DestinationBucketName: ref('Logs') } },
      { Logs: { Type: 'AWS::S3::Bucket', Properties: {} } },
    ),
    expected: { [B]: 'pass', 'AWS::S3::Bucket.Logs': 'not_applicable' },
  },
  { name: 'no logging', format: 'cloudformation', source: bucket({}), expected: { [B]: 'fail' } },
  { name: 'no bucket', format: 'cloudformation', source: noBucketCfn, expected: {} },
  {
    name: 'split logging resource',
    format: 'terraform',
    source: tf(
      '',
      `resource "aws_s3_bucket" "logs" {}
resource "aws_s3_bucket_logging" "l" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}`,
    ),
    expected: { [TB]: 'pass', 'aws_s3_bucket.logs': 'not_applicable' },
  },
  { name: 'no logging', format: 'terraform', source: tf(''), expected: { [TB]: 'fail' } },
  { name: 'no bucket', format: 'terraform', source: noBucketTf, expected: {} },
]);

const trail = { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: ref('Data') } };
runRuleCases(s3AuditLogBucketObjectLock, [
  {
    name: 'trail bucket with Object Lock',
    format: 'cloudformation',
    source: bucket({ ObjectLockEnabled: true }, { Trail: trail }),
    expected: { [B]: 'pass' },
  },
  {
    name: 'trail bucket without Object Lock',
    format: 'cloudformation',
    source: bucket({}, { Trail: trail }),
    expected: { [B]: 'fail' },
  },
  {
    name: 'bucket that receives no audit logs',
    format: 'cloudformation',
    source: bucket({}),
    expected: { [B]: 'not_applicable' },
  },
  {
    name: 'trail bucket with object_lock_enabled',
    format: 'terraform',
    source: tf(
      'object_lock_enabled = true',
      'resource "aws_cloudtrail" "t" {\n name = "t"\n s3_bucket_name = aws_s3_bucket.data.id\n}',
    ),
    expected: { [TB]: 'pass' },
  },
  {
    name: 'Bedrock invocation log bucket without Object Lock',
    format: 'terraform',
    source: tf(
      '',
      `resource "aws_bedrock_model_invocation_logging_configuration" "l" {
  logging_config {
    s3_config {
      bucket_name = aws_s3_bucket.data.id
    }
  }
}`,
    ),
    expected: { [TB]: 'fail' },
  },
  {
    name: 'bucket that receives no audit logs',
    format: 'terraform',
    source: tf(''),
    expected: { [TB]: 'not_applicable' },
  },
]);

runRuleCases(s3BucketNoPublicAcl, [
  {
    name: 'private',
    format: 'cloudformation',
    source: bucket({ AccessControl: 'Private' }),
    expected: { [B]: 'pass' },
  },
  {
    name: 'PublicRead',
    format: 'cloudformation',
    source: bucket({ AccessControl: 'PublicRead' }),
    expected: { [B]: 'fail' },
  },
  {
    name: 'AuthenticatedRead',
    format: 'cloudformation',
    source: bucket({ AccessControl: 'AuthenticatedRead' }),
    expected: { [B]: 'fail' },
  },
  { name: 'no bucket', format: 'cloudformation', source: noBucketCfn, expected: {} },
  { name: 'no acl', format: 'terraform', source: tf(''), expected: { [TB]: 'pass' } },
  {
    name: 'v3 public-read-write',
    format: 'terraform',
    source: tf('acl = "public-read-write"'),
    expected: { [TB]: 'fail' },
  },
  {
    name: 'split acl public-read',
    format: 'terraform',
    source: tf(
      '',
      'resource "aws_s3_bucket_acl" "a" {\n bucket = aws_s3_bucket.data.id\n acl = "public-read"\n}',
    ),
    expected: { [TB]: 'fail' },
  },
  { name: 'no bucket', format: 'terraform', source: noBucketTf, expected: {} },
]);

const P = 'AWS::S3::BucketPolicy.Policy';
const publicRead = {
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: { 'Fn::Sub': '${Data.Arn}/*' },
};
runRuleCases(s3BucketPolicyNoPublicPrincipal, [
  {
    name: 'public read',
    format: 'cloudformation',
    source: withPolicy([publicRead]),
    expected: { [P]: 'fail' },
  },
  {
    name: 'AWS "*" principal',
    format: 'cloudformation',
    source: withPolicy([{ ...publicRead, Principal: { AWS: '*' } }]),
    expected: { [P]: 'fail' },
  },
  {
    name: '"*" restricted to the organization',
    format: 'cloudformation',
    source: withPolicy([
      { ...publicRead, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } },
    ]),
    expected: { [P]: 'pass' },
  },
  {
    name: 'deny statements only',
    format: 'cloudformation',
    source: withPolicy([denyHttp]),
    expected: { [P]: 'pass' },
  },
  {
    name: '"*" with a condition that does not narrow the caller',
    format: 'cloudformation',
    source: withPolicy([{ ...publicRead, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }]),
    expected: { [P]: 'fail' },
  },
  {
    name: 'named role',
    format: 'cloudformation',
    source: withPolicy([{ ...publicRead, Principal: { AWS: 'arn:aws:iam::111122223333:role/train' } }]),
    expected: { [P]: 'pass' },
  },
  { name: 'no bucket policy', format: 'cloudformation', source: bucket({}), expected: {} },
  {
    name: 'public read',
    format: 'terraform',
    source: tf(
      '',
      tfPolicy(
        'actions = ["s3:GetObject"]\n resources = ["*"]\n principals {\n type = "*"\n identifiers = ["*"]\n }',
      ),
    ),
    expected: { [TB]: 'not_applicable', 'aws_s3_bucket_policy.p': 'fail' },
  },
  {
    name: 'service principal',
    format: 'terraform',
    source: tf(
      '',
      tfPolicy(
        'actions = ["s3:PutObject"]\n resources = ["*"]\n principals {\n type = "Service"\n identifiers = ["cloudtrail.amazonaws.com"]\n }',
      ),
    ),
    expected: { [TB]: 'not_applicable', 'aws_s3_bucket_policy.p': 'pass' },
  },
]);

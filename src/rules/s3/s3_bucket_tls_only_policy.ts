import { isUnknown, type Unknown, S3_BUCKET_TYPES, configuredBucket } from '../../resources/index.js';
import {
  and,
  grantsAction,
  readPolicyDocument,
  type LocatedPolicy,
  type PolicyStatement,
  type Tri,
} from '../iam/policy-document.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { bucketPolicies } from './bucket-policy.js';

const POLICY_TYPES = { cloudformation: ['AWS::S3::BucketPolicy'], terraform: ['aws_s3_bucket_policy'] };

/** A Deny on aws:SecureTransport = false, which is what rejects plain HTTP requests. */
function deniesInsecureTransport(statement: PolicyStatement): Tri {
  if (statement.effect !== 'Deny') return isUnknown(statement.effect) ? statement.effect : false;
  const condition = statement.conditions.find(
    (c) => /^bool(ifexists)?$/i.test(c.operator) && c.key.toLowerCase() === 'aws:securetransport',
  );
  if (!condition) return false;
  const denyWhenFalse = condition.values.some((v) => typeof v === 'string' && v.toLowerCase() === 'false');
  if (!denyWhenFalse) return condition.values.find(isUnknown) ?? false;
  return and(grantsAction(statement, 's3:GetObject'), grantsAction(statement, 's3:PutObject'));
}

export const s3BucketTlsOnlyPolicy: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_tls_only_policy',
  title: 'S3 bucket policies deny requests that do not use TLS',
  severity: 'medium',
  resourceTypes: {
    cloudformation: [...S3_BUCKET_TYPES.cloudformation, ...POLICY_TYPES.cloudformation],
    terraform: [...S3_BUCKET_TYPES.terraform, ...POLICY_TYPES.terraform],
  },
  rationale:
    'S3 accepts plain HTTP unless the bucket policy refuses it. Training data and model artifacts sent in clear text can be read or altered in transit; a Deny on aws:SecureTransport = false makes TLS mandatory for every caller.',
  remediation: {
    text: 'Add a bucket policy statement that denies s3:* to every principal when aws:SecureTransport is false.',
    cloudformation: `DataBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref DataBucket
    PolicyDocument:
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: '*'
          Action: 's3:*'
          Resource: [!GetAtt DataBucket.Arn, !Sub '\${DataBucket.Arn}/*']
          Condition:
            Bool:
              aws:SecureTransport: 'false'`,
    terraform: `data "aws_iam_policy_document" "tls_only" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.tls_only.json
}`,
  },
  controls: ['data-bucket-tls-only'],
  equivalents: {
    checkov: ['CKV_AWS_379'],
    prowler: ['s3_bucket_secure_transport_policy'],
    securityhub: ['S3.5'],
    cdknag: [
      'AwsSolutions-S10',
      'NIST.800.53.R5-S3BucketSSLRequestsOnly',
      'HIPAA.Security-S3BucketSSLRequestsOnly',
    ],
  },
  evaluate(resource, ctx) {
    let policies: LocatedPolicy[];
    let undecided: Unknown | undefined;
    if (
      POLICY_TYPES.cloudformation.includes(resource.type) ||
      POLICY_TYPES.terraform.includes(resource.type)
    ) {
      const bucket = configuredBucket(resource, ctx.graph);
      if (bucket)
        return notApplicable(`${resource.address}: judged on the bucket it configures, ${bucket.address}`);
      const own = readPolicyDocument(
        resource.properties['PolicyDocument'] ?? resource.properties['policy'],
        ctx.graph,
      );
      policies = own === undefined ? [] : [{ where: resource.address, statements: own }];
    } else ({ policies, undecided } = bucketPolicies(resource, ctx.graph));
    let unresolved = undecided;
    for (const policy of policies) {
      if (isUnknown(policy.statements)) {
        unresolved ??= policy.statements;
        continue;
      }
      for (const statement of policy.statements) {
        const verdict = deniesInsecureTransport(statement);
        if (verdict === true) return pass(`${resource.address}: ${policy.where} denies requests without TLS`);
        if (isUnknown(verdict)) unresolved ??= verdict;
      }
    }
    if (unresolved)
      return unknown(`${resource.address}: a bucket policy cannot be read statically: ${unresolved.reason}`);
    if (policies.length === 0)
      return fail(
        `${resource.address}: no bucket policy denies requests without TLS (no bucket policy found)`,
      );
    return fail(
      `${resource.address}: no bucket policy statement denies requests when aws:SecureTransport is false`,
    );
  },
};

import {
  isPublicAllow,
  judgeStatements,
  readPolicyDocument,
  verdictOutcome,
} from '../iam/policy-document.js';
import { notApplicable, type ResourceRule } from '../types.js';

export const s3BucketPolicyNoPublicPrincipal: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_policy_no_public_principal',
  title: 'S3 bucket policies do not allow everyone (Principal "*") without conditions',
  severity: 'critical',
  resourceTypes: {
    cloudformation: ['AWS::S3::BucketPolicy'],
    terraform: ['aws_s3_bucket_policy', 'aws_s3_bucket'],
  },
  rationale:
    'An Allow for Principal "*" with no condition makes the bucket readable or writable by anyone. For an AI workload that means leaked training data or model weights, or poisoned datasets. Conditions such as aws:SourceVpce or aws:PrincipalOrgID narrow such a statement to your network or organization.',
  remediation: {
    text: 'Name the principals (roles, accounts, services) in the policy, or add a condition that restricts the caller (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceArn).',
    cloudformation: `Statement:
  - Effect: Allow
    Principal:
      AWS: !GetAtt TrainingRole.Arn
    Action: s3:GetObject
    Resource: !Sub '\${DataBucket.Arn}/*'`,
    terraform: `statement {
  actions   = ["s3:GetObject"]
  resources = ["\${aws_s3_bucket.data.arn}/*"]
  principals {
    type        = "AWS"
    identifiers = [aws_iam_role.training.arn]
  }
}`,
  },
  controls: ['data-bucket-public-access-blocked', 'cross-account-model-sharing-controlled'],
  equivalents: {
    checkov: ['CKV_AWS_70'],
    prowler: ['s3_bucket_public_access', 's3_bucket_policy_public_write_access'],
    securityhub: ['S3.2', 'S3.3'],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const document = readPolicyDocument(
      resource.properties['PolicyDocument'] ?? resource.properties['policy'],
      ctx.graph,
    );
    if (document === undefined) return notApplicable(`${resource.address}: has no bucket policy`);
    const verdict = judgeStatements([{ where: 'policy', statements: document }], isPublicAllow);
    return verdictOutcome(resource, verdict, {
      fail: 'allows Principal "*" without a condition',
      pass: 'no Allow statement is open to everyone without a condition',
    });
  },
};

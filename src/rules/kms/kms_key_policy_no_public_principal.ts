import {
  isPublicAllow,
  judgeStatements,
  readPolicyDocument,
  verdictOutcome,
} from '../iam/policy-document.js';
import { notApplicable, type ResourceRule } from '../types.js';

export const kmsKeyPolicyNoPublicPrincipal: ResourceRule = {
  kind: 'resource',
  id: 'kms_key_policy_no_public_principal',
  title: 'KMS key policies do not allow everyone (Principal "*") without conditions',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::KMS::Key'], terraform: ['aws_kms_key', 'aws_kms_key_policy'] },
  rationale:
    'A key policy is the root of access to everything the key encrypts. Principal "*" without a condition such as kms:CallerAccount or kms:ViaService lets any AWS principal use or manage the key that protects your datasets and models.',
  remediation: {
    text: 'Grant the account root and named roles only, or restrict a "*" statement with kms:CallerAccount and kms:ViaService conditions.',
    cloudformation: `KeyPolicy:
  Statement:
    - Effect: Allow
      Principal:
        AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root'
      Action: 'kms:*'
      Resource: '*'`,
    terraform: `statement {
  actions   = ["kms:*"]
  resources = ["*"]
  principals {
    type        = "AWS"
    identifiers = ["arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"]
  }
}`,
  },
  controls: ['kms-key-policy-least-privilege', 'cross-account-model-sharing-controlled'],
  equivalents: {
    checkov: ['CKV_AWS_33'],
    prowler: ['kms_key_not_publicly_accessible'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const document = readPolicyDocument(
      resource.properties['KeyPolicy'] ?? resource.properties['policy'],
      ctx.graph,
    );
    if (document === undefined)
      return notApplicable(`${resource.address}: uses the default key policy, which trusts only the account`);
    const verdict = judgeStatements([{ where: 'key policy', statements: document }], isPublicAllow);
    return verdictOutcome(resource, verdict, {
      fail: 'allows Principal "*" without a condition',
      pass: 'no Allow statement is open to everyone without a condition',
    });
  },
};

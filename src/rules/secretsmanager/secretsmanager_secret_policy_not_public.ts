import {
  isPublicAllow,
  judgeStatements,
  readPolicyDocument,
  verdictOutcome,
} from '../iam/policy-document.js';
import { notApplicable, type ResourceRule } from '../types.js';

export const secretsmanagerSecretPolicyNotPublic: ResourceRule = {
  kind: 'resource',
  id: 'secretsmanager_secret_policy_not_public',
  title: 'Secrets Manager resource policies do not allow everyone (Principal "*") without conditions',
  severity: 'critical',
  resourceTypes: {
    cloudformation: ['AWS::SecretsManager::ResourcePolicy'],
    terraform: ['aws_secretsmanager_secret_policy'],
  },
  rationale:
    'A secret holding a model provider key or a vector-store password, readable by Principal "*", is readable by any AWS account that learns its ARN. Conditions such as aws:PrincipalOrgID narrow such a grant.',
  remediation: {
    text: 'Name the roles that may read the secret, or restrict "*" with aws:PrincipalOrgID / aws:SourceVpce; keep BlockPublicPolicy on.',
    cloudformation: `ResourcePolicy:
  Statement:
    - Effect: Allow
      Principal:
        AWS: !GetAtt AppRole.Arn
      Action: secretsmanager:GetSecretValue
      Resource: '*'
BlockPublicPolicy: true`,
    terraform: `block_public_policy = true
policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = "secretsmanager:GetSecretValue", Resource = "*" }] })`,
  },
  controls: ['no-secrets-in-ai-code-and-config', 'cross-account-model-sharing-controlled'],
  equivalents: {
    checkov: [],
    prowler: ['secretsmanager_not_publicly_accessible'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const document = readPolicyDocument(
      resource.properties['ResourcePolicy'] ?? resource.properties['policy'],
      ctx.graph,
    );
    if (document === undefined) return notApplicable(`${resource.address}: holds no policy document`);
    const verdict = judgeStatements([{ where: 'resource policy', statements: document }], isPublicAllow);
    return verdictOutcome(resource, verdict, {
      fail: 'allows Principal "*" without a condition',
      pass: 'no Allow statement is open to everyone without a condition',
    });
  },
};

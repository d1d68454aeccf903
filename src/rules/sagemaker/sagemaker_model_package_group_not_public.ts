import { prop } from '../../resources/access.js';
import { normalizePolicyDocument } from '../../resources/iam.js';
import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

/** True for `"*"` and `{ "AWS": "*" }` (or a list holding `*`). */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal !== null && typeof principal === 'object' && !Array.isArray(principal)) {
    const aws = (principal as Record<string, unknown>)['AWS'];
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

export const sagemakerModelPackageGroupNotPublic: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_model_package_group_not_public',
  title: 'SageMaker model registry groups do not share their models with every AWS account',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::ModelPackageGroup'],
    terraform: ['aws_sagemaker_model_package_group_policy'],
  },
  rationale:
    'A model package group policy with Principal "*" and no condition lets any AWS account describe and deploy the registered models, exposing the weights and whatever training data they memorised.',
  remediation: {
    text: 'Name the accounts or roles that may use the models, or add a condition such as aws:PrincipalOrgID.',
    cloudformation:
      'ModelPackageGroupPolicy:\n  Statement:\n    - Effect: Allow\n      Principal:\n        AWS: arn:aws:iam::444455556666:root\n      Action: [sagemaker:DescribeModelPackage, sagemaker:ListModelPackages]\n      Resource: "*"',
    terraform:
      'resource "aws_sagemaker_model_package_group_policy" "share" {\n  model_package_group_name = aws_sagemaker_model_package_group.models.model_package_group_name\n  resource_policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::444455556666:root" }, Action = ["sagemaker:DescribeModelPackage"], Resource = "*" }]\n  })\n}',
  },
  controls: ['cross-account-model-sharing-controlled'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const raw = prop(resource, { cloudformation: 'ModelPackageGroupPolicy', terraform: 'resource_policy' });
    const policy = normalizePolicyDocument(raw);
    if (policy === undefined) return notApplicable(`${resource.address} has no resource policy`);
    if (isUnknown(policy))
      return unknown(`${resource.address}: resource policy cannot be read: ${policy.reason}`);
    const open = policy.Statement.filter(
      (s) => s.Effect === 'Allow' && isEveryone(s.Principal) && s.Condition === undefined,
    );
    if (open.length > 0)
      return fail(`${resource.address} allows every AWS account (Principal "*") without a condition`);
    return pass(`${resource.address} shares its models only with named principals or under conditions`);
  },
};

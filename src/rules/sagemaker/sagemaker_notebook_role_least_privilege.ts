import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { rolePermissionProblems, roleOf } from './iam.js';

export const sagemakerNotebookRoleLeastPrivilege: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_role_least_privilege',
  title:
    'SageMaker notebook instance roles do not grant all actions or all actions of a service on all resources',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    'Anyone who can open the notebook acts with its role. A role with "*" or "service:*" on "*" turns notebook access into account-wide access to data, models and keys.',
  remediation: {
    text: 'Scope the notebook role to the buckets, keys and SageMaker resources the notebook needs; do not attach AdministratorAccess, PowerUserAccess or IAMFullAccess.',
    cloudformation:
      'NotebookRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: data\n        PolicyDocument:\n          Statement:\n            - Effect: Allow\n              Action: [s3:GetObject]\n              Resource: !Sub "${DataBucket.Arn}/*"',
    terraform:
      'data "aws_iam_policy_document" "notebook" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.data.arn}/*"]\n  }\n}',
  },
  controls: ['ai-roles-least-privilege'],
  equivalents: { checkov: ['CKV2_AWS_68'], prowler: [], securityhub: [], cdknag: ['AwsSolutions-IAM5'] },
  evaluate(resource, ctx) {
    const arn = prop(resource, { cloudformation: 'RoleArn', terraform: 'role_arn' });
    if (isUnknown(arn))
      return unknown(`${resource.address}: role cannot be decided statically: ${arn.reason}`);
    const role = roleOf(ctx, arn);
    if (!role)
      return unknown(
        `${resource.address}: its role is not defined in the scanned files, so its policies cannot be read`,
      );
    const problems = rolePermissionProblems(role, ctx);
    if (isUnknown(problems))
      return unknown(`${resource.address}: role ${role.address} policies cannot be read: ${problems.reason}`);
    if (problems.length === 0)
      return pass(`${resource.address} uses role ${role.address}, which grants no wildcard access`);
    return fail(
      `${resource.address} uses role ${role.address}, which is overly permissive: ${problems.join('; ')}`,
    );
  },
};

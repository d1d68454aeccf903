import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { attachesAwsManagedPolicy, POLICY_ATTACHING_TYPES } from './iam.js';

export const sagemakerFullAccessPolicyNotAttached: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_full_access_policy_not_attached',
  title: 'No IAM role, user or group has the AmazonSageMakerFullAccess managed policy attached',
  severity: 'medium',
  resourceTypes: POLICY_ATTACHING_TYPES,
  rationale:
    'AmazonSageMakerFullAccess allows every SageMaker action on every resource, plus broad S3, ECR and iam:PassRole rights: a notebook or job with it can read any model or dataset and deploy anything.',
  remediation: {
    text: 'Replace AmazonSageMakerFullAccess with policies scoped to the jobs, models, buckets and keys the role uses.',
    cloudformation:
      'TrainingRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: training\n        PolicyDocument:\n          Statement:\n            - Effect: Allow\n              Action: [s3:GetObject, s3:PutObject]\n              Resource: !Sub "${DataBucket.Arn}/*"',
    terraform:
      'resource "aws_iam_role_policy" "training" {\n  role = aws_iam_role.training.id\n  policy = data.aws_iam_policy_document.training.json\n}',
  },
  controls: ['no-full-access-managed-policies'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: ['AwsSolutions-IAM4'] },
  evaluate(resource) {
    const result = attachesAwsManagedPolicy(resource, 'AmazonSageMakerFullAccess');
    if (isUnknown(result))
      return unknown(`${resource.address}: attached policies cannot be decided statically: ${result.reason}`);
    if (result === 'attached') return fail(`${resource.address} attaches AmazonSageMakerFullAccess`);
    if (resource.type.includes('attachment'))
      return notApplicable(`${resource.address} attaches another policy`);
    return pass(`${resource.address} does not attach AmazonSageMakerFullAccess`);
  },
};

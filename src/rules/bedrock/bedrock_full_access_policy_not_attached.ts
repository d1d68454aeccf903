import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { attachesAwsManagedPolicy, POLICY_ATTACHING_TYPES } from '../sagemaker/iam.js';

export const bedrockFullAccessPolicyNotAttached: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_full_access_policy_not_attached',
  title: 'No IAM role, user or group has the AmazonBedrockFullAccess managed policy attached',
  severity: 'high',
  resourceTypes: POLICY_ATTACHING_TYPES,
  rationale:
    'AmazonBedrockFullAccess allows every Bedrock action on every resource: invoking any model (cost and data exposure), deleting guardrails, changing invocation logging and reading every knowledge base.',
  remediation: {
    text: 'Replace AmazonBedrockFullAccess with a policy that allows bedrock:InvokeModel (or the agent/knowledge base actions used) on the specific model and resource ARNs.',
    cloudformation:
      'AppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: invoke-model\n        PolicyDocument:\n          Statement:\n            - Effect: Allow\n              Action: bedrock:InvokeModel\n              Resource: !Sub arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.titan-text-express-v1',
    terraform:
      'resource "aws_iam_role_policy" "invoke" {\n  role = aws_iam_role.app.id\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "bedrock:InvokeModel", Resource = data.aws_bedrock_foundation_model.m.model_arn }]\n  })\n}',
  },
  controls: ['no-full-access-managed-policies'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_full_access_policy_attached'],
    securityhub: [],
    cdknag: ['AwsSolutions-IAM4'],
  },
  evaluate(resource) {
    const result = attachesAwsManagedPolicy(resource, 'AmazonBedrockFullAccess');
    if (isUnknown(result))
      return unknown(`${resource.address}: attached policies cannot be decided statically: ${result.reason}`);
    if (result === 'attached') return fail(`${resource.address} attaches AmazonBedrockFullAccess`);
    if (result === 'none' && resource.type.includes('attachment'))
      return notApplicable(`${resource.address} attaches no policy ARN`);
    if (resource.type.includes('attachment') && result === 'not-attached')
      return notApplicable(`${resource.address} attaches another policy`);
    return pass(`${resource.address} does not attach AmazonBedrockFullAccess`);
  },
};

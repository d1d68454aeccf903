import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { rolePermissionProblems, roleOf } from '../sagemaker/iam.js';
import { isSet } from '../sagemaker/shared.js';
import { AGENT_TYPES } from './shared.js';

export const bedrockAgentRoleLeastPrivilege: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agent_role_least_privilege',
  title: 'Bedrock agent execution roles grant no wildcard or full-access permissions',
  severity: 'high',
  resourceTypes: AGENT_TYPES,
  rationale:
    'A prompt injection makes the agent act for the attacker with the agent role\'s permissions. "*" actions, "service:*" on every resource or AmazonBedrockFullAccess turn one injected prompt into broad account access.',
  remediation: {
    text: "Grant the agent role bedrock:InvokeModel on the agent's foundation model and only the knowledge bases and resources it uses.",
    cloudformation:
      'AgentRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: invoke\n        PolicyDocument:\n          Statement:\n            - Effect: Allow\n              Action: bedrock:InvokeModel\n              Resource: !Sub arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
    terraform:
      'data "aws_iam_policy_document" "agent" {\n  statement {\n    actions   = ["bedrock:InvokeModel"]\n    resources = [data.aws_bedrock_foundation_model.m.model_arn]\n  }\n}',
  },
  controls: ['ai-roles-least-privilege'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_agent_role_least_privilege'],
    securityhub: [],
    cdknag: ['AwsSolutions-IAM5'],
  },
  evaluate(resource, ctx) {
    const arn = prop(resource, {
      cloudformation: 'AgentResourceRoleArn',
      terraform: 'agent_resource_role_arn',
    });
    if (isUnknown(arn))
      return unknown(`${resource.address}: role cannot be decided statically: ${arn.reason}`);
    if (!isSet(arn)) return unknown(`${resource.address} names no execution role in the template`);
    const role = roleOf(ctx, arn);
    if (!role)
      return unknown(
        `${resource.address}: its role is not defined in the scanned files, so its policies cannot be read`,
      );
    const problems = rolePermissionProblems(role, ctx, ['AmazonBedrockFullAccess']);
    if (isUnknown(problems))
      return unknown(`${resource.address}: role ${role.address} policies cannot be read: ${problems.reason}`);
    if (problems.length === 0)
      return pass(`${resource.address} uses role ${role.address}, which grants no wildcard or full access`);
    return fail(
      `${resource.address} uses role ${role.address}, which is overly permissive: ${problems.join('; ')}`,
    );
  },
};

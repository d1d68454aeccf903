import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { rolePermissionProblems, roleOf } from '../sagemaker/iam.js';
import { isSet, type Paths } from '../sagemaker/shared.js';

/** Where Bedrock resources other than agents name their service role. Agents have their own rule. */
const ROLE_PATHS: Record<string, Paths> = {
  'AWS::Bedrock::KnowledgeBase': { cloudformation: 'RoleArn' },
  'AWS::Bedrock::Flow': { cloudformation: 'ExecutionRoleArn' },
  aws_bedrockagent_knowledge_base: { terraform: 'role_arn' },
  aws_bedrockagent_flow: { terraform: 'execution_role_arn' },
  aws_bedrock_custom_model: { terraform: 'role_arn' },
};

export const bedrockServiceRoleLeastPrivilege: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_service_role_least_privilege',
  title:
    'Bedrock knowledge base, flow and model customization roles grant no wildcard or full-access permissions',
  severity: 'high',
  resourceTypes: {
    cloudformation: Object.keys(ROLE_PATHS).filter((t) => t.startsWith('AWS::')),
    terraform: Object.keys(ROLE_PATHS).filter((t) => !t.startsWith('AWS::')),
  },
  rationale:
    'Bedrock assumes these roles to read source documents, write vectors, call models and read training data. A broad role lets a knowledge base or flow reach data it was never meant to index.',
  remediation: {
    text: 'Grant the role only the data source bucket, the vector store, the embedding or foundation model and the KMS keys it uses.',
    cloudformation:
      'KnowledgeBaseRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: kb\n        PolicyDocument:\n          Statement:\n            - Effect: Allow\n              Action: [s3:GetObject, s3:ListBucket]\n              Resource: [!GetAtt DocsBucket.Arn, !Sub "${DocsBucket.Arn}/*"]',
    terraform:
      'data "aws_iam_policy_document" "kb" {\n  statement {\n    actions   = ["s3:GetObject", "s3:ListBucket"]\n    resources = [aws_s3_bucket.docs.arn, "${aws_s3_bucket.docs.arn}/*"]\n  }\n}',
  },
  controls: ['ai-roles-least-privilege'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: ['AwsSolutions-IAM5'] },
  evaluate(resource, ctx) {
    const paths = ROLE_PATHS[resource.type];
    const arn = paths ? prop(resource, paths) : undefined;
    if (isUnknown(arn))
      return unknown(`${resource.address}: service role cannot be decided statically: ${arn.reason}`);
    if (!isSet(arn)) return notApplicable(`${resource.address} names no service role`);
    const role = roleOf(ctx, arn);
    if (!role) return unknown(`${resource.address}: its service role is not defined in the scanned files`);
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

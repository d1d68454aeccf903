import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { rolePermissionProblems, roleOf } from './iam.js';
import { isSet, type Paths } from './shared.js';

/** Where each SageMaker resource names the role it runs as. Notebooks have their own rule. */
const ROLE_PATHS: Record<string, Paths> = {
  'AWS::SageMaker::Model': { cloudformation: 'ExecutionRoleArn' },
  'AWS::SageMaker::Domain': { cloudformation: 'DefaultUserSettings.ExecutionRole' },
  'AWS::SageMaker::UserProfile': { cloudformation: 'UserSettings.ExecutionRole' },
  'AWS::SageMaker::Pipeline': { cloudformation: 'RoleArn' },
  'AWS::SageMaker::FeatureGroup': { cloudformation: 'RoleArn' },
  'AWS::SageMaker::DataQualityJobDefinition': { cloudformation: 'RoleArn' },
  'AWS::SageMaker::ModelQualityJobDefinition': { cloudformation: 'RoleArn' },
  'AWS::SageMaker::ModelBiasJobDefinition': { cloudformation: 'RoleArn' },
  'AWS::SageMaker::ModelExplainabilityJobDefinition': { cloudformation: 'RoleArn' },
  aws_sagemaker_model: { terraform: 'execution_role_arn' },
  aws_sagemaker_domain: { terraform: 'default_user_settings.execution_role' },
  aws_sagemaker_user_profile: { terraform: 'user_settings.execution_role' },
  aws_sagemaker_pipeline: { terraform: 'role_arn' },
  aws_sagemaker_feature_group: { terraform: 'role_arn' },
  aws_sagemaker_data_quality_job_definition: { terraform: 'role_arn' },
};

export const sagemakerExecutionRoleLeastPrivilege: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_execution_role_least_privilege',
  title:
    'SageMaker models, domains, pipelines and jobs run as roles without wildcard or administrator permissions',
  severity: 'high',
  resourceTypes: {
    cloudformation: Object.keys(ROLE_PATHS).filter((t) => t.startsWith('AWS::')),
    terraform: Object.keys(ROLE_PATHS).filter((t) => !t.startsWith('AWS::')),
  },
  rationale:
    'Inference containers, Studio users and pipeline steps act with their execution role. A compromised model container or a Studio user with "*" permissions reaches every dataset, model and key in the account.',
  remediation: {
    text: 'Scope the execution role to the buckets, ECR repositories, keys and SageMaker resources it uses; avoid AdministratorAccess, PowerUserAccess and IAMFullAccess.',
    cloudformation:
      'ModelRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: model\n        PolicyDocument:\n          Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              Resource: !Sub "${ArtifactBucket.Arn}/models/*"',
    terraform:
      'data "aws_iam_policy_document" "model" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["${aws_s3_bucket.artifacts.arn}/models/*"]\n  }\n}',
  },
  controls: ['ai-roles-least-privilege'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: ['AwsSolutions-IAM5'] },
  evaluate(resource, ctx) {
    const paths = ROLE_PATHS[resource.type];
    const arn = paths ? prop(resource, paths) : undefined;
    if (isUnknown(arn))
      return unknown(`${resource.address}: execution role cannot be decided statically: ${arn.reason}`);
    if (!isSet(arn)) return notApplicable(`${resource.address} names no execution role`);
    const role = roleOf(ctx, arn);
    if (!role) return unknown(`${resource.address}: its execution role is not defined in the scanned files`);
    const problems = rolePermissionProblems(role, ctx);
    if (isUnknown(problems))
      return unknown(`${resource.address}: role ${role.address} policies cannot be read: ${problems.reason}`);
    if (problems.length === 0)
      return pass(`${resource.address} runs as ${role.address}, which grants no wildcard access`);
    return fail(
      `${resource.address} runs as ${role.address}, which is overly permissive: ${problems.join('; ')}`,
    );
  },
};

import { sagemakerExecutionRoleLeastPrivilege } from '../../../src/rules/sagemaker/sagemaker_execution_role_least_privilege.js';
import { sagemakerInferenceExperimentDataKmsCmk } from '../../../src/rules/sagemaker/sagemaker_inference_experiment_data_kms_cmk.js';
import { sagemakerModelPackageGroupNotPublic } from '../../../src/rules/sagemaker/sagemaker_model_package_group_not_public.js';
import { sagemakerInferenceExperimentVolumeKmsCmk } from '../../../src/rules/sagemaker/sagemaker_inference_experiment_volume_kms_cmk.js';
import { cfn, getAtt, runRuleCases } from './cases.js';

const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

const EXP = 'AWS::SageMaker::InferenceExperiment.Exp';
const experiment = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Exp: {
      Type: 'AWS::SageMaker::InferenceExperiment',
      Properties: {
        Name: 'shadow',
        Type: 'ShadowMode',
        RoleArn: 'arn:aws:iam::1:role/r',
        EndpointName: 'ep',
        ModelVariants: [],
        ...props,
      },
    },
  });

runRuleCases(sagemakerInferenceExperimentVolumeKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: experiment({ KmsKey: getAtt('Key', 'Arn') }),
    expected: { [EXP]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: experiment({}), expected: { [EXP]: 'fail' } },
  { name: 'no experiment', format: 'cloudformation', source: noneCfn, expected: {} },
]);

runRuleCases(sagemakerInferenceExperimentDataKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: experiment({ DataStorageConfig: { Destination: 's3://b/d', KmsKey: getAtt('Key', 'Arn') } }),
    expected: { [EXP]: 'pass' },
  },
  {
    name: 'no key',
    format: 'cloudformation',
    source: experiment({ DataStorageConfig: { Destination: 's3://b/d' } }),
    expected: { [EXP]: 'fail' },
  },
  {
    name: 'no data storage',
    format: 'cloudformation',
    source: experiment({}),
    expected: { [EXP]: 'not_applicable' },
  },
]);

const MODEL = 'AWS::SageMaker::Model.Model';
const modelWithRole = (policy: Record<string, unknown>) =>
  cfn({
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...policy } },
    Model: {
      Type: 'AWS::SageMaker::Model',
      Properties: { ExecutionRoleArn: getAtt('Role', 'Arn'), PrimaryContainer: { Image: 'img' } },
    },
  });
const tfDomain = (extraRole: string) => `
resource "aws_iam_role" "studio" {
  name               = "studio"
  assume_role_policy = "{}"
  ${extraRole}
}
resource "aws_sagemaker_domain" "studio" {
  domain_name = "studio"
  auth_mode   = "SSO"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  default_user_settings {
    execution_role = aws_iam_role.studio.arn
  }
}`;
runRuleCases(sagemakerExecutionRoleLeastPrivilege, [
  {
    name: 'scoped model role',
    format: 'cloudformation',
    source: modelWithRole({
      Policies: [
        {
          PolicyName: 'p',
          PolicyDocument: {
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/*' }],
          },
        },
      ],
    }),
    expected: { [MODEL]: 'pass' },
  },
  {
    name: 'PowerUserAccess on the model role',
    format: 'cloudformation',
    source: modelWithRole({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/PowerUserAccess'] }),
    expected: { [MODEL]: 'fail' },
  },
  {
    name: 'role named by ARN and found by name',
    format: 'cloudformation',
    source: cfn({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: 'model-role',
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
            },
          ],
        },
      },
      Model: {
        Type: 'AWS::SageMaker::Model',
        Properties: { ExecutionRoleArn: 'arn:aws:iam::111122223333:role/model-role' },
      },
    }),
    expected: { [MODEL]: 'fail' },
  },
  { name: 'no SageMaker resource', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'scoped domain role',
    format: 'terraform',
    source: tfDomain(''),
    expected: { 'aws_sagemaker_domain.studio': 'pass' },
  },
  {
    name: 'domain role with inline admin policy',
    format: 'terraform',
    source: tfDomain(
      'inline_policy {\n name = "all"\n policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n }',
    ),
    expected: { 'aws_sagemaker_domain.studio': 'fail' },
  },
  { name: 'no SageMaker resource', format: 'terraform', source: noneTf, expected: {} },
]);

const GROUP = 'AWS::SageMaker::ModelPackageGroup.Models';
const group = (policy: unknown) =>
  cfn({
    Models: {
      Type: 'AWS::SageMaker::ModelPackageGroup',
      Properties: { ModelPackageGroupName: 'churn', ...(policy ? { ModelPackageGroupPolicy: policy } : {}) },
    },
  });
const statement = (principal: unknown, condition?: unknown) => ({
  Statement: [
    {
      Effect: 'Allow',
      Principal: principal,
      Action: ['sagemaker:DescribeModelPackage'],
      Resource: '*',
      ...(condition ? { Condition: condition } : {}),
    },
  ],
});
const tfGroupPolicy = (principal: string) => `
resource "aws_sagemaker_model_package_group" "models" {
  model_package_group_name = "churn"
}
resource "aws_sagemaker_model_package_group_policy" "share" {
  model_package_group_name = aws_sagemaker_model_package_group.models.model_package_group_name
  resource_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = ${principal}, Action = ["sagemaker:DescribeModelPackage"], Resource = "*" }] })
}`;
runRuleCases(sagemakerModelPackageGroupNotPublic, [
  {
    name: 'named account',
    format: 'cloudformation',
    source: group(statement({ AWS: 'arn:aws:iam::444455556666:root' })),
    expected: { [GROUP]: 'pass' },
  },
  {
    name: 'everyone within the organisation',
    format: 'cloudformation',
    source: group(statement('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-123' } })),
    expected: { [GROUP]: 'pass' },
  },
  {
    name: 'everyone',
    format: 'cloudformation',
    source: group(statement({ AWS: ['*'] })),
    expected: { [GROUP]: 'fail' },
  },
  {
    name: 'no policy',
    format: 'cloudformation',
    source: group(undefined),
    expected: { [GROUP]: 'not_applicable' },
  },
  {
    name: 'named account',
    format: 'terraform',
    source: tfGroupPolicy('{ AWS = "arn:aws:iam::444455556666:root" }'),
    expected: { 'aws_sagemaker_model_package_group_policy.share': 'pass' },
  },
  {
    name: 'everyone',
    format: 'terraform',
    source: tfGroupPolicy('"*"'),
    expected: { 'aws_sagemaker_model_package_group_policy.share': 'fail' },
  },
  { name: 'no group policy', format: 'terraform', source: noneTf, expected: {} },
]);

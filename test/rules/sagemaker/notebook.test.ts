import { sagemakerNotebookDirectInternetAccessDisabled } from '../../../src/rules/sagemaker/sagemaker_notebook_direct_internet_access_disabled.js';
import { sagemakerNotebookImdsv2Only } from '../../../src/rules/sagemaker/sagemaker_notebook_imdsv2_only.js';
import { sagemakerNotebookInVpc } from '../../../src/rules/sagemaker/sagemaker_notebook_in_vpc.js';
import { sagemakerNotebookKmsCmk } from '../../../src/rules/sagemaker/sagemaker_notebook_kms_cmk.js';
import { sagemakerNotebookRoleLeastPrivilege } from '../../../src/rules/sagemaker/sagemaker_notebook_role_least_privilege.js';
import { sagemakerNotebookRootAccessDisabled } from '../../../src/rules/sagemaker/sagemaker_notebook_root_access_disabled.js';
import { sagemakerNotebookSupportedPlatform } from '../../../src/rules/sagemaker/sagemaker_notebook_supported_platform.js';
import { cfn, getAtt, ref, runRuleCases } from './cases.js';

const NB = 'AWS::SageMaker::NotebookInstance.Nb';
const TF_NB = 'aws_sagemaker_notebook_instance.nb';
const notebook = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Nb: {
      Type: 'AWS::SageMaker::NotebookInstance',
      Properties: { InstanceType: 'ml.t3.medium', RoleArn: 'arn:aws:iam::111122223333:role/nb', ...props },
    },
  });
const tfNotebook = (body: string) => `
resource "aws_kms_key" "k" {}
resource "aws_sagemaker_notebook_instance" "nb" {
  name          = "nb"
  instance_type = "ml.t3.medium"
  role_arn      = "arn:aws:iam::111122223333:role/nb"
  ${body}
}`;
const noNotebookCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noNotebookTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(sagemakerNotebookKmsCmk, [
  {
    name: 'key resource',
    format: 'cloudformation',
    source: notebook({ KmsKeyId: ref('Key') }),
    expected: { [NB]: 'pass' },
  },
  {
    name: 'key ARN string',
    format: 'cloudformation',
    source: notebook({ KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/abc' }),
    expected: { [NB]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: notebook({}), expected: { [NB]: 'fail' } },
  {
    name: 'AWS managed alias',
    format: 'cloudformation',
    source: notebook({ KmsKeyId: 'alias/aws/sagemaker' }),
    expected: { [NB]: 'fail' },
  },
  {
    name: 'key from an import',
    format: 'cloudformation',
    source: notebook({ KmsKeyId: { 'Fn::ImportValue': 'shared-key' } }),
    expected: { [NB]: 'unknown' },
  },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'key resource',
    format: 'terraform',
    source: tfNotebook('kms_key_id = aws_kms_key.k.arn'),
    expected: { [TF_NB]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfNotebook(''), expected: { [TF_NB]: 'fail' } },
  {
    name: 'unset variable',
    format: 'terraform',
    source: `variable "key" {}\n${tfNotebook('kms_key_id = var.key')}`,
    expected: { [TF_NB]: 'unknown' },
  },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

runRuleCases(sagemakerNotebookDirectInternetAccessDisabled, [
  {
    name: 'Disabled',
    format: 'cloudformation',
    source: notebook({ DirectInternetAccess: 'Disabled', SubnetId: 'subnet-1' }),
    expected: { [NB]: 'pass' },
  },
  {
    name: 'absent defaults to Enabled',
    format: 'cloudformation',
    source: notebook({}),
    expected: { [NB]: 'fail' },
    messageIncludes: 'defaults to Enabled',
  },
  {
    name: 'Enabled',
    format: 'cloudformation',
    source: notebook({ DirectInternetAccess: 'Enabled' }),
    expected: { [NB]: 'fail' },
  },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'Disabled',
    format: 'terraform',
    source: tfNotebook('direct_internet_access = "Disabled"'),
    expected: { [TF_NB]: 'pass' },
  },
  { name: 'absent', format: 'terraform', source: tfNotebook(''), expected: { [TF_NB]: 'fail' } },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

runRuleCases(sagemakerNotebookInVpc, [
  {
    name: 'subnet set',
    format: 'cloudformation',
    source: notebook({ SubnetId: 'subnet-0abc' }),
    expected: { [NB]: 'pass' },
  },
  { name: 'no subnet', format: 'cloudformation', source: notebook({}), expected: { [NB]: 'fail' } },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'subnet reference',
    format: 'terraform',
    source: `resource "aws_subnet" "s" {}\n${tfNotebook('subnet_id = aws_subnet.s.id')}`,
    expected: { [TF_NB]: 'pass' },
  },
  { name: 'no subnet', format: 'terraform', source: tfNotebook(''), expected: { [TF_NB]: 'fail' } },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

runRuleCases(sagemakerNotebookRootAccessDisabled, [
  {
    name: 'Disabled',
    format: 'cloudformation',
    source: notebook({ RootAccess: 'Disabled' }),
    expected: { [NB]: 'pass' },
  },
  {
    name: 'absent defaults to Enabled',
    format: 'cloudformation',
    source: notebook({}),
    expected: { [NB]: 'fail' },
  },
  {
    name: 'parameter without default',
    format: 'cloudformation',
    source: JSON.stringify({
      Parameters: { Root: { Type: 'String' } },
      Resources: JSON.parse(notebook({ RootAccess: ref('Root') })).Resources,
    }),
    expected: { [NB]: 'unknown' },
  },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'Disabled',
    format: 'terraform',
    source: tfNotebook('root_access = "Disabled"'),
    expected: { [TF_NB]: 'pass' },
  },
  {
    name: 'Enabled',
    format: 'terraform',
    source: tfNotebook('root_access = "Enabled"'),
    expected: { [TF_NB]: 'fail' },
  },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

runRuleCases(sagemakerNotebookImdsv2Only, [
  {
    name: 'version 2',
    format: 'cloudformation',
    source: notebook({
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    }),
    expected: { [NB]: 'pass' },
  },
  {
    name: 'version 1',
    format: 'cloudformation',
    source: notebook({
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '1' },
    }),
    expected: { [NB]: 'fail' },
  },
  { name: 'absent', format: 'cloudformation', source: notebook({}), expected: { [NB]: 'fail' } },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'version 2',
    format: 'terraform',
    source: tfNotebook(
      'instance_metadata_service_configuration {\n minimum_instance_metadata_service_version = "2"\n }',
    ),
    expected: { [TF_NB]: 'pass' },
  },
  { name: 'absent', format: 'terraform', source: tfNotebook(''), expected: { [TF_NB]: 'fail' } },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

runRuleCases(sagemakerNotebookSupportedPlatform, [
  {
    name: 'AL2023',
    format: 'cloudformation',
    source: notebook({ PlatformIdentifier: 'notebook-al2023-v1' }),
    expected: { [NB]: 'pass' },
  },
  { name: 'default platform', format: 'cloudformation', source: notebook({}), expected: { [NB]: 'pass' } },
  {
    name: 'Amazon Linux 1',
    format: 'cloudformation',
    source: notebook({ PlatformIdentifier: 'notebook-al1-v1' }),
    expected: { [NB]: 'fail' },
  },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'AL2 v3',
    format: 'terraform',
    source: tfNotebook('platform_identifier = "notebook-al2-v3"'),
    expected: { [TF_NB]: 'pass' },
  },
  {
    name: 'AL2 v1',
    format: 'terraform',
    source: tfNotebook('platform_identifier = "notebook-al2-v1"'),
    expected: { [TF_NB]: 'fail' },
  },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

const roleNotebook = (
  policies: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...policies } },
    Nb: {
      Type: 'AWS::SageMaker::NotebookInstance',
      Properties: { InstanceType: 'ml.t3.medium', RoleArn: getAtt('Role', 'Arn') },
    },
    ...extra,
  });
const scoped = {
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/*' }],
};
const tfRole = (extra: string) => `
resource "aws_iam_role" "nb" {
  name               = "nb"
  assume_role_policy = "{}"
}
resource "aws_sagemaker_notebook_instance" "nb" {
  name          = "nb"
  instance_type = "ml.t3.medium"
  role_arn      = aws_iam_role.nb.arn
}
${extra}`;

runRuleCases(sagemakerNotebookRoleLeastPrivilege, [
  {
    name: 'scoped inline policy',
    format: 'cloudformation',
    source: roleNotebook({ Policies: [{ PolicyName: 'p', PolicyDocument: scoped }] }),
    expected: { [NB]: 'pass' },
  },
  {
    name: 'inline Action "*"',
    format: 'cloudformation',
    source: roleNotebook({
      Policies: [
        { PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
      ],
    }),
    expected: { [NB]: 'fail' },
  },
  {
    name: 'AdministratorAccess attached',
    format: 'cloudformation',
    source: roleNotebook({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }),
    expected: { [NB]: 'fail' },
    messageIncludes: 'AdministratorAccess',
  },
  {
    name: 's3:* on * in a separate AWS::IAM::Policy',
    format: 'cloudformation',
    source: roleNotebook(
      {},
      {
        Pol: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: 'p',
            Roles: [ref('Role')],
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
          },
        },
      },
    ),
    expected: { [NB]: 'fail' },
  },
  {
    name: 'role outside the template',
    format: 'cloudformation',
    source: cfn({
      Nb: {
        Type: 'AWS::SageMaker::NotebookInstance',
        Properties: { RoleArn: 'arn:aws:iam::111122223333:role/elsewhere' },
      },
    }),
    expected: { [NB]: 'unknown' },
  },
  { name: 'no notebook', format: 'cloudformation', source: noNotebookCfn, expected: {} },
  {
    name: 'scoped role policy',
    format: 'terraform',
    source: tfRole(
      `resource "aws_iam_role_policy" "p" {\n  role = aws_iam_role.nb.id\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::data/*" }] })\n}`,
    ),
    expected: { [TF_NB]: 'pass' },
  },
  {
    name: 'policy document data source with sagemaker:* on *',
    format: 'terraform',
    source: tfRole(
      `data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["sagemaker:*"]\n    resources = ["*"]\n  }\n}\nresource "aws_iam_role_policy" "p" {\n  role   = aws_iam_role.nb.id\n  policy = data.aws_iam_policy_document.d.json\n}`,
    ),
    expected: { [TF_NB]: 'fail' },
  },
  { name: 'no notebook', format: 'terraform', source: noNotebookTf, expected: {} },
]);

import { sagemakerFeatureGroupOfflineStoreKmsCmk } from '../../../src/rules/sagemaker/sagemaker_feature_group_offline_store_kms_cmk.js';
import { sagemakerFeatureGroupOnlineStoreKmsCmk } from '../../../src/rules/sagemaker/sagemaker_feature_group_online_store_kms_cmk.js';
import { sagemakerFlowDefinitionOutputKmsCmk } from '../../../src/rules/sagemaker/sagemaker_flow_definition_output_kms_cmk.js';
import { sagemakerFullAccessPolicyNotAttached } from '../../../src/rules/sagemaker/sagemaker_full_access_policy_not_attached.js';
import { sagemakerModelNetworkIsolation } from '../../../src/rules/sagemaker/sagemaker_model_network_isolation.js';
import { sagemakerModelVpcConfig } from '../../../src/rules/sagemaker/sagemaker_model_vpc_config.js';
import { sagemakerMonitoringJobInterContainerEncryption } from '../../../src/rules/sagemaker/sagemaker_monitoring_job_inter_container_encryption.js';
import { sagemakerMonitoringJobNetworkIsolation } from '../../../src/rules/sagemaker/sagemaker_monitoring_job_network_isolation.js';
import { sagemakerMonitoringJobOutputKmsCmk } from '../../../src/rules/sagemaker/sagemaker_monitoring_job_output_kms_cmk.js';
import { sagemakerMonitoringJobVolumeKmsCmk } from '../../../src/rules/sagemaker/sagemaker_monitoring_job_volume_kms_cmk.js';
import { cfn, ref, runRuleCases } from './cases.js';

const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

const MODEL = 'AWS::SageMaker::Model.Model';
const TF_MODEL = 'aws_sagemaker_model.m';
const model = (props: Record<string, unknown>) =>
  cfn({
    Model: {
      Type: 'AWS::SageMaker::Model',
      Properties: { ExecutionRoleArn: 'arn:aws:iam::1:role/r', PrimaryContainer: { Image: 'img' }, ...props },
    },
  });
const tfModel = (body: string) => `
resource "aws_sagemaker_model" "m" {
  execution_role_arn = "arn:aws:iam::1:role/r"
  primary_container {
    image = "img"
  }
  ${body}
}`;

runRuleCases(sagemakerModelNetworkIsolation, [
  {
    name: 'isolated',
    format: 'cloudformation',
    source: model({ EnableNetworkIsolation: true }),
    expected: { [MODEL]: 'pass' },
  },
  {
    name: 'string "true"',
    format: 'cloudformation',
    source: model({ EnableNetworkIsolation: 'true' }),
    expected: { [MODEL]: 'pass' },
  },
  {
    name: 'absent defaults to false',
    format: 'cloudformation',
    source: model({}),
    expected: { [MODEL]: 'fail' },
    messageIncludes: 'defaults to false',
  },
  { name: 'no model', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'isolated',
    format: 'terraform',
    source: tfModel('enable_network_isolation = true'),
    expected: { [TF_MODEL]: 'pass' },
  },
  {
    name: 'false',
    format: 'terraform',
    source: tfModel('enable_network_isolation = false'),
    expected: { [TF_MODEL]: 'fail' },
  },
  { name: 'no model', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(sagemakerModelVpcConfig, [
  {
    name: 'VPC',
    format: 'cloudformation',
    source: model({ VpcConfig: { Subnets: ['subnet-1'], SecurityGroupIds: ['sg-1'] } }),
    expected: { [MODEL]: 'pass' },
  },
  { name: 'no VPC', format: 'cloudformation', source: model({}), expected: { [MODEL]: 'fail' } },
  { name: 'no model', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'VPC',
    format: 'terraform',
    source: tfModel('vpc_config {\n subnets = ["subnet-1"]\n security_group_ids = ["sg-1"]\n }'),
    expected: { [TF_MODEL]: 'pass' },
  },
  { name: 'no VPC', format: 'terraform', source: tfModel(''), expected: { [TF_MODEL]: 'fail' } },
  { name: 'no model', format: 'terraform', source: noneTf, expected: {} },
]);

const DQ = 'AWS::SageMaker::DataQualityJobDefinition.Dq';
const BIAS = 'AWS::SageMaker::ModelBiasJobDefinition.Bias';
const SCHED = 'AWS::SageMaker::MonitoringSchedule.Sched';
const TF_DQ = 'aws_sagemaker_data_quality_job_definition.dq';
const job = (secure: boolean) => ({
  JobResources: {
    ClusterConfig: {
      InstanceCount: 1,
      InstanceType: 'ml.m5.large',
      VolumeSizeInGB: 20,
      ...(secure ? { VolumeKmsKeyId: ref('Key') } : {}),
    },
  },
  NetworkConfig: secure
    ? { EnableInterContainerTrafficEncryption: true, EnableNetworkIsolation: true }
    : { EnableNetworkIsolation: false },
  RoleArn: 'arn:aws:iam::1:role/r',
});
const monitoring = (secure: boolean) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Dq: {
      Type: 'AWS::SageMaker::DataQualityJobDefinition',
      Properties: {
        ...job(secure),
        DataQualityJobOutputConfig: secure
          ? { KmsKeyId: ref('Key'), MonitoringOutputs: [] }
          : { MonitoringOutputs: [] },
      },
    },
    Bias: {
      Type: 'AWS::SageMaker::ModelBiasJobDefinition',
      Properties: {
        ...job(secure),
        ModelBiasJobOutputConfig: secure
          ? { KmsKeyId: ref('Key'), MonitoringOutputs: [] }
          : { MonitoringOutputs: [] },
      },
    },
    Sched: {
      Type: 'AWS::SageMaker::MonitoringSchedule',
      Properties: {
        MonitoringScheduleName: 's',
        MonitoringScheduleConfig: { MonitoringJobDefinitionName: 'dq', MonitoringType: 'DataQuality' },
      },
    },
  });
const inlineSchedule = (secure: boolean) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Sched: {
      Type: 'AWS::SageMaker::MonitoringSchedule',
      Properties: {
        MonitoringScheduleName: 's',
        MonitoringScheduleConfig: {
          MonitoringJobDefinition: {
            MonitoringResources: job(secure).JobResources,
            NetworkConfig: job(secure).NetworkConfig,
            MonitoringOutputConfig: secure
              ? { KmsKeyId: ref('Key'), MonitoringOutputs: [] }
              : { MonitoringOutputs: [] },
            RoleArn: 'arn:aws:iam::1:role/r',
          },
        },
      },
    },
  });
const tfDq = (secure: boolean) => `
resource "aws_kms_key" "k" {}
resource "aws_sagemaker_data_quality_job_definition" "dq" {
  role_arn = "arn:aws:iam::1:role/r"
  data_quality_job_output_config {
    ${secure ? 'kms_key_id = aws_kms_key.k.arn' : ''}
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://b/o"
      }
    }
  }
  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      ${secure ? 'volume_kms_key_id = aws_kms_key.k.arn' : ''}
    }
  }
  ${secure ? 'network_config {\n enable_inter_container_traffic_encryption = true\n enable_network_isolation = true\n }' : ''}
}`;

for (const rule of [
  sagemakerMonitoringJobOutputKmsCmk,
  sagemakerMonitoringJobVolumeKmsCmk,
  sagemakerMonitoringJobInterContainerEncryption,
  sagemakerMonitoringJobNetworkIsolation,
]) {
  runRuleCases(rule, [
    {
      name: 'secure job definitions; schedule by name',
      format: 'cloudformation',
      source: monitoring(true),
      expected: { [DQ]: 'pass', [BIAS]: 'pass', [SCHED]: 'not_applicable' },
    },
    {
      name: 'insecure job definitions',
      format: 'cloudformation',
      source: monitoring(false),
      expected: { [DQ]: 'fail', [BIAS]: 'fail', [SCHED]: 'not_applicable' },
    },
    {
      name: 'secure inline schedule',
      format: 'cloudformation',
      source: inlineSchedule(true),
      expected: { [SCHED]: 'pass' },
    },
    {
      name: 'insecure inline schedule',
      format: 'cloudformation',
      source: inlineSchedule(false),
      expected: { [SCHED]: 'fail' },
    },
    { name: 'secure', format: 'terraform', source: tfDq(true), expected: { [TF_DQ]: 'pass' } },
    { name: 'insecure', format: 'terraform', source: tfDq(false), expected: { [TF_DQ]: 'fail' } },
    { name: 'no job definition', format: 'terraform', source: noneTf, expected: {} },
  ]);
}

const FG = 'AWS::SageMaker::FeatureGroup.Fg';
const TF_FG = 'aws_sagemaker_feature_group.fg';
const featureGroup = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Fg: {
      Type: 'AWS::SageMaker::FeatureGroup',
      Properties: {
        FeatureGroupName: 'fg',
        RecordIdentifierFeatureName: 'id',
        EventTimeFeatureName: 't',
        FeatureDefinitions: [],
        ...props,
      },
    },
  });
const tfFg = (body: string) => `
resource "aws_kms_key" "k" {}
resource "aws_sagemaker_feature_group" "fg" {
  feature_group_name             = "fg"
  record_identifier_feature_name = "id"
  event_time_feature_name        = "t"
  role_arn                       = "arn:aws:iam::1:role/r"
  ${body}
}`;

runRuleCases(sagemakerFeatureGroupOfflineStoreKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: featureGroup({
      OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/o', KmsKeyId: ref('Key') } },
    }),
    expected: { [FG]: 'pass' },
  },
  {
    name: 'no key',
    format: 'cloudformation',
    source: featureGroup({ OfflineStoreConfig: { S3StorageConfig: { S3Uri: 's3://b/o' } } }),
    expected: { [FG]: 'fail' },
  },
  {
    name: 'online only',
    format: 'cloudformation',
    source: featureGroup({ OnlineStoreConfig: { EnableOnlineStore: true } }),
    expected: { [FG]: 'not_applicable' },
  },
  {
    name: 'key',
    format: 'terraform',
    source: tfFg(
      'offline_store_config {\n s3_storage_config {\n s3_uri = "s3://b/o"\n kms_key_id = aws_kms_key.k.arn\n }\n }',
    ),
    expected: { [TF_FG]: 'pass' },
  },
  {
    name: 'no key',
    format: 'terraform',
    source: tfFg('offline_store_config {\n s3_storage_config {\n s3_uri = "s3://b/o"\n }\n }'),
    expected: { [TF_FG]: 'fail' },
  },
  {
    name: 'online only',
    format: 'terraform',
    source: tfFg('online_store_config {\n enable_online_store = true\n }'),
    expected: { [TF_FG]: 'not_applicable' },
  },
]);

runRuleCases(sagemakerFeatureGroupOnlineStoreKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: featureGroup({
      OnlineStoreConfig: { EnableOnlineStore: true, SecurityConfig: { KmsKeyId: ref('Key') } },
    }),
    expected: { [FG]: 'pass' },
  },
  {
    name: 'no key',
    format: 'cloudformation',
    source: featureGroup({ OnlineStoreConfig: { EnableOnlineStore: true } }),
    expected: { [FG]: 'fail' },
  },
  {
    name: 'in-memory storage',
    format: 'cloudformation',
    source: featureGroup({ OnlineStoreConfig: { EnableOnlineStore: true, StorageType: 'InMemory' } }),
    expected: { [FG]: 'not_applicable' },
  },
  {
    name: 'online store not enabled',
    format: 'cloudformation',
    source: featureGroup({ OnlineStoreConfig: { EnableOnlineStore: false } }),
    expected: { [FG]: 'not_applicable' },
  },
  {
    name: 'key',
    format: 'terraform',
    source: tfFg(
      'online_store_config {\n enable_online_store = true\n security_config {\n kms_key_id = aws_kms_key.k.arn\n }\n }',
    ),
    expected: { [TF_FG]: 'pass' },
  },
  {
    name: 'no key',
    format: 'terraform',
    source: tfFg('online_store_config {\n enable_online_store = true\n }'),
    expected: { [TF_FG]: 'fail' },
  },
  {
    name: 'offline only',
    format: 'terraform',
    source: tfFg('offline_store_config {\n s3_storage_config {\n s3_uri = "s3://b/o"\n }\n }'),
    expected: { [TF_FG]: 'not_applicable' },
  },
]);

const TF_FLOW = 'aws_sagemaker_flow_definition.review';
const tfFlow = (kms: string) => `
resource "aws_kms_key" "k" {}
resource "aws_sagemaker_flow_definition" "review" {
  flow_definition_name = "review"
  role_arn             = "arn:aws:iam::1:role/r"
  output_config {
    s3_output_path = "s3://b/reviews"
    ${kms}
  }
}`;
runRuleCases(sagemakerFlowDefinitionOutputKmsCmk, [
  {
    name: 'key',
    format: 'terraform',
    source: tfFlow('kms_key_id = aws_kms_key.k.arn'),
    expected: { [TF_FLOW]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfFlow(''), expected: { [TF_FLOW]: 'fail' } },
  { name: 'no flow definition', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(sagemakerFullAccessPolicyNotAttached, [
  {
    name: 'scoped role',
    format: 'cloudformation',
    source: cfn({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] },
      },
    }),
    expected: { 'AWS::IAM::Role.Role': 'pass' },
  },
  {
    name: 'full access through Fn::Sub partition',
    format: 'cloudformation',
    source: cfn({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          ManagedPolicyArns: [
            { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonSageMakerFullAccess' },
          ],
        },
      },
    }),
    expected: { 'AWS::IAM::Role.Role': 'fail' },
  },
  { name: 'no identity', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'attachment of full access',
    format: 'terraform',
    source:
      'resource "aws_iam_role" "r" {\n name = "r"\n assume_role_policy = "{}"\n}\nresource "aws_iam_role_policy_attachment" "a" {\n role = aws_iam_role.r.name\n policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"\n}',
    expected: { 'aws_iam_role.r': 'pass', 'aws_iam_role_policy_attachment.a': 'fail' },
  },
  {
    name: 'attachment of another policy',
    format: 'terraform',
    source:
      'resource "aws_iam_role_policy_attachment" "a" {\n role = "r"\n policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"\n}',
    expected: { 'aws_iam_role_policy_attachment.a': 'not_applicable' },
  },
]);

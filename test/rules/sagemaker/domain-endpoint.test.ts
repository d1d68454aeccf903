import { sagemakerDomainKmsCmk } from '../../../src/rules/sagemaker/sagemaker_domain_kms_cmk.js';
import { sagemakerDomainSsoAuth } from '../../../src/rules/sagemaker/sagemaker_domain_sso_auth.js';
import { sagemakerDomainVpcOnly } from '../../../src/rules/sagemaker/sagemaker_domain_vpc_only.js';
import { sagemakerEndpointConfigAsyncOutputKmsCmk } from '../../../src/rules/sagemaker/sagemaker_endpoint_config_async_output_kms_cmk.js';
import { sagemakerEndpointConfigDataCaptureEnabled } from '../../../src/rules/sagemaker/sagemaker_endpoint_config_data_capture_enabled.js';
import { sagemakerEndpointConfigDataCaptureKmsCmk } from '../../../src/rules/sagemaker/sagemaker_endpoint_config_data_capture_kms_cmk.js';
import { sagemakerEndpointConfigKmsCmk } from '../../../src/rules/sagemaker/sagemaker_endpoint_config_kms_cmk.js';
import { sagemakerEndpointConfigMultiInstance } from '../../../src/rules/sagemaker/sagemaker_endpoint_config_multi_instance.js';
import { cfn, ref, runRuleCases } from './cases.js';

const DOMAIN = 'AWS::SageMaker::Domain.Studio';
const TF_DOMAIN = 'aws_sagemaker_domain.studio';
const domain = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Studio: {
      Type: 'AWS::SageMaker::Domain',
      Properties: {
        DomainName: 'studio',
        AuthMode: 'IAM',
        VpcId: 'vpc-1',
        SubnetIds: ['subnet-1'],
        DefaultUserSettings: { ExecutionRole: 'arn:aws:iam::1:role/r' },
        ...props,
      },
    },
  });
const tfDomain = (body: string) => `
resource "aws_kms_key" "k" {}
resource "aws_sagemaker_domain" "studio" {
  domain_name = "studio"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  default_user_settings {
    execution_role = "arn:aws:iam::1:role/r"
  }
  ${body}
}`;
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(sagemakerDomainKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: domain({ KmsKeyId: ref('Key') }),
    expected: { [DOMAIN]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: domain({}), expected: { [DOMAIN]: 'fail' } },
  { name: 'no domain', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key',
    format: 'terraform',
    source: tfDomain('kms_key_id = aws_kms_key.k.arn\n auth_mode = "IAM"'),
    expected: { [TF_DOMAIN]: 'pass' },
  },
  {
    name: 'no key',
    format: 'terraform',
    source: tfDomain('auth_mode = "IAM"'),
    expected: { [TF_DOMAIN]: 'fail' },
  },
  { name: 'no domain', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(sagemakerDomainVpcOnly, [
  {
    name: 'VpcOnly',
    format: 'cloudformation',
    source: domain({ AppNetworkAccessType: 'VpcOnly' }),
    expected: { [DOMAIN]: 'pass' },
  },
  {
    name: 'default PublicInternetOnly',
    format: 'cloudformation',
    source: domain({}),
    expected: { [DOMAIN]: 'fail' },
    messageIncludes: 'PublicInternetOnly',
  },
  { name: 'no domain', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'VpcOnly',
    format: 'terraform',
    source: tfDomain('app_network_access_type = "VpcOnly"'),
    expected: { [TF_DOMAIN]: 'pass' },
  },
  {
    name: 'PublicInternetOnly',
    format: 'terraform',
    source: tfDomain('app_network_access_type = "PublicInternetOnly"'),
    expected: { [TF_DOMAIN]: 'fail' },
  },
  { name: 'no domain', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(sagemakerDomainSsoAuth, [
  {
    name: 'SSO',
    format: 'cloudformation',
    source: domain({ AuthMode: 'SSO' }),
    expected: { [DOMAIN]: 'pass' },
  },
  { name: 'IAM', format: 'cloudformation', source: domain({}), expected: { [DOMAIN]: 'fail' } },
  { name: 'no domain', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'SSO',
    format: 'terraform',
    source: tfDomain('auth_mode = "SSO"'),
    expected: { [TF_DOMAIN]: 'pass' },
  },
  {
    name: 'IAM',
    format: 'terraform',
    source: tfDomain('auth_mode = "IAM"'),
    expected: { [TF_DOMAIN]: 'fail' },
  },
  { name: 'no domain', format: 'terraform', source: noneTf, expected: {} },
]);

const EC = 'AWS::SageMaker::EndpointConfig.Ec';
const TF_EC = 'aws_sagemaker_endpoint_configuration.ec';
const variant = (count: number | undefined, extra: Record<string, unknown> = {}) => ({
  VariantName: 'primary',
  ModelName: 'm',
  InstanceType: 'ml.m5.large',
  ...(count === undefined ? {} : { InitialInstanceCount: count }),
  ...extra,
});
const serverless = {
  VariantName: 'sls',
  ModelName: 'm',
  ServerlessConfig: { MaxConcurrency: 5, MemorySizeInMB: 2048 },
};
const endpointConfig = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Ec: {
      Type: 'AWS::SageMaker::EndpointConfig',
      Properties: { ProductionVariants: [variant(2)], ...props },
    },
  });
const tfEc = (
  body: string,
  variants = 'production_variants {\n variant_name = "primary"\n model_name = "m"\n instance_type = "ml.m5.large"\n initial_instance_count = 2\n }',
) => `
resource "aws_kms_key" "k" {}
resource "aws_sagemaker_endpoint_configuration" "ec" {
  ${variants}
  ${body}
}`;
const tfServerless =
  'production_variants {\n variant_name = "sls"\n model_name = "m"\n serverless_config {\n max_concurrency = 5\n memory_size_in_mb = 2048\n }\n }';

runRuleCases(sagemakerEndpointConfigKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: endpointConfig({ KmsKeyId: ref('Key') }),
    expected: { [EC]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: endpointConfig({}), expected: { [EC]: 'fail' } },
  {
    name: 'serverless only',
    format: 'cloudformation',
    source: endpointConfig({ ProductionVariants: [serverless] }),
    expected: { [EC]: 'not_applicable' },
  },
  {
    name: 'a variant on local NVMe storage (g5)',
    format: 'cloudformation',
    source: endpointConfig({
      ProductionVariants: [variant(2), variant(2, { VariantName: 'gpu', InstanceType: 'ml.g5.2xlarge' })],
    }),
    expected: { [EC]: 'not_applicable' },
  },
  {
    name: 'EBS-backed GPU instance still needs a key',
    format: 'cloudformation',
    source: endpointConfig({ ProductionVariants: [variant(2, { InstanceType: 'ml.p3.2xlarge' })] }),
    expected: { [EC]: 'fail' },
  },
  {
    name: 'key',
    format: 'terraform',
    source: tfEc('kms_key_arn = aws_kms_key.k.arn'),
    expected: { [TF_EC]: 'pass' },
  },
  {
    name: 'm5d variant',
    format: 'terraform',
    source: tfEc(
      '',
      'production_variants {\n variant_name = "primary"\n model_name = "m"\n instance_type = "ml.m5d.xlarge"\n initial_instance_count = 2\n }',
    ),
    expected: { [TF_EC]: 'not_applicable' },
  },
  {
    name: 'AWS managed alias',
    format: 'terraform',
    source: tfEc('kms_key_arn = "alias/aws/sagemaker"'),
    expected: { [TF_EC]: 'fail' },
  },
  {
    name: 'serverless only',
    format: 'terraform',
    source: tfEc('', tfServerless),
    expected: { [TF_EC]: 'not_applicable' },
  },
]);

runRuleCases(sagemakerEndpointConfigMultiInstance, [
  { name: 'two instances', format: 'cloudformation', source: endpointConfig({}), expected: { [EC]: 'pass' } },
  {
    name: 'one instance',
    format: 'cloudformation',
    source: endpointConfig({
      ProductionVariants: [variant(2, { VariantName: 'a' }), variant(1, { VariantName: 'b' })],
    }),
    expected: { [EC]: 'fail' },
    messageIncludes: 'b (1)',
  },
  {
    name: 'serverless only',
    format: 'cloudformation',
    source: endpointConfig({ ProductionVariants: [serverless] }),
    expected: { [EC]: 'not_applicable' },
  },
  {
    name: 'count from a parameter without default',
    format: 'cloudformation',
    source: JSON.stringify({
      Parameters: { N: { Type: 'Number' } },
      Resources: {
        Ec: {
          Type: 'AWS::SageMaker::EndpointConfig',
          Properties: { ProductionVariants: [variant(undefined, { InitialInstanceCount: ref('N') })] },
        },
      },
    }),
    expected: { [EC]: 'unknown' },
  },
  { name: 'two instances', format: 'terraform', source: tfEc(''), expected: { [TF_EC]: 'pass' } },
  {
    name: 'one instance',
    format: 'terraform',
    source: tfEc(
      '',
      'production_variants {\n variant_name = "primary"\n model_name = "m"\n instance_type = "ml.m5.large"\n initial_instance_count = 1\n }',
    ),
    expected: { [TF_EC]: 'fail' },
  },
  {
    name: 'serverless only',
    format: 'terraform',
    source: tfEc('', tfServerless),
    expected: { [TF_EC]: 'not_applicable' },
  },
]);

const capture = (extra: Record<string, unknown>) => ({
  DataCaptureConfig: {
    InitialSamplingPercentage: 100,
    DestinationS3Uri: 's3://b/c',
    CaptureOptions: [{ CaptureMode: 'Input' }],
    ...extra,
  },
});
const tfCapture = (extra: string) =>
  `data_capture_config {\n initial_sampling_percentage = 100\n destination_s3_uri = "s3://b/c"\n capture_options {\n capture_mode = "Input"\n }\n ${extra}\n }`;

runRuleCases(sagemakerEndpointConfigDataCaptureEnabled, [
  {
    name: 'enabled',
    format: 'cloudformation',
    source: endpointConfig(capture({ EnableCapture: true })),
    expected: { [EC]: 'pass' },
  },
  { name: 'no capture', format: 'cloudformation', source: endpointConfig({}), expected: { [EC]: 'fail' } },
  {
    name: 'turned off',
    format: 'cloudformation',
    source: endpointConfig(capture({ EnableCapture: false })),
    expected: { [EC]: 'fail' },
  },
  { name: 'no endpoint config', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'enabled',
    format: 'terraform',
    source: tfEc(tfCapture('enable_capture = true')),
    expected: { [TF_EC]: 'pass' },
  },
  { name: 'no capture', format: 'terraform', source: tfEc(''), expected: { [TF_EC]: 'fail' } },
  { name: 'no endpoint config', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(sagemakerEndpointConfigDataCaptureKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: endpointConfig(capture({ EnableCapture: true, KmsKeyId: ref('Key') })),
    expected: { [EC]: 'pass' },
  },
  {
    name: 'no key',
    format: 'cloudformation',
    source: endpointConfig(capture({ EnableCapture: true })),
    expected: { [EC]: 'fail' },
  },
  {
    name: 'no capture',
    format: 'cloudformation',
    source: endpointConfig({}),
    expected: { [EC]: 'not_applicable' },
  },
  {
    name: 'capture off',
    format: 'cloudformation',
    source: endpointConfig(capture({ EnableCapture: false })),
    expected: { [EC]: 'not_applicable' },
  },
  {
    name: 'key',
    format: 'terraform',
    source: tfEc(tfCapture('enable_capture = true\n kms_key_id = aws_kms_key.k.arn')),
    expected: { [TF_EC]: 'pass' },
  },
  {
    name: 'no key',
    format: 'terraform',
    source: tfEc(tfCapture('enable_capture = true')),
    expected: { [TF_EC]: 'fail' },
  },
  { name: 'no capture', format: 'terraform', source: tfEc(''), expected: { [TF_EC]: 'not_applicable' } },
]);

runRuleCases(sagemakerEndpointConfigAsyncOutputKmsCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: endpointConfig({
      AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/o', KmsKeyId: ref('Key') } },
    }),
    expected: { [EC]: 'pass' },
  },
  {
    name: 'no key',
    format: 'cloudformation',
    source: endpointConfig({ AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://b/o' } } }),
    expected: { [EC]: 'fail' },
  },
  {
    name: 'synchronous endpoint',
    format: 'cloudformation',
    source: endpointConfig({}),
    expected: { [EC]: 'not_applicable' },
  },
  {
    name: 'key',
    format: 'terraform',
    source: tfEc(
      'async_inference_config {\n output_config {\n s3_output_path = "s3://b/o"\n kms_key_id = aws_kms_key.k.arn\n }\n }',
    ),
    expected: { [TF_EC]: 'pass' },
  },
  {
    name: 'no key',
    format: 'terraform',
    source: tfEc('async_inference_config {\n output_config {\n s3_output_path = "s3://b/o"\n }\n }'),
    expected: { [TF_EC]: 'fail' },
  },
  {
    name: 'synchronous endpoint',
    format: 'terraform',
    source: tfEc(''),
    expected: { [TF_EC]: 'not_applicable' },
  },
]);

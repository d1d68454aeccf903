import { cloudtrailAiBucketDataEvents } from '../../../src/rules/cloudtrail/cloudtrail_ai_bucket_data_events.js';
import { cloudtrailBedrockDataEvents } from '../../../src/rules/cloudtrail/cloudtrail_bedrock_data_events.js';
import { cloudtrailCloudwatchLogs } from '../../../src/rules/cloudtrail/cloudtrail_cloudwatch_logs.js';
import { cloudtrailEnabled } from '../../../src/rules/cloudtrail/cloudtrail_enabled.js';
import { cloudtrailKmsEncrypted } from '../../../src/rules/cloudtrail/cloudtrail_kms_encrypted.js';
import { cloudtrailLogFileValidation } from '../../../src/rules/cloudtrail/cloudtrail_log_file_validation.js';
import { cloudtrailMultiRegion } from '../../../src/rules/cloudtrail/cloudtrail_multi_region.js';
import { cfn, getAtt, ref, runRuleCases } from '../sagemaker/cases.js';

const T = 'AWS::CloudTrail::Trail.Trail';
const TT = 'aws_cloudtrail.main';
const trail = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Audit: { Type: 'AWS::S3::Bucket', Properties: {} },
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Trail: {
      Type: 'AWS::CloudTrail::Trail',
      Properties: { IsLogging: true, S3BucketName: ref('Audit'), ...props },
    },
    ...extra,
  });
const tfTrail = (body: string, extra = '') => `resource "aws_s3_bucket" "audit" {}
resource "aws_kms_key" "k" {}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.audit.id
  ${body}
}
${extra}`;
const noneCfn = cfn({ Audit: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "audit" {}';

runRuleCases(cloudtrailEnabled, [
  { name: 'logging trail', format: 'cloudformation', source: trail({}), expected: { [T]: 'pass' } },
  {
    name: 'trail not logging',
    format: 'cloudformation',
    source: trail({ IsLogging: false }),
    expected: { [T]: 'fail' },
  },
  {
    name: 'no trail in the scanned code',
    format: 'cloudformation',
    source: noneCfn,
    expected: { 'AWS::S3::Bucket.Audit': 'fail' },
    messageIncludes: 'no CloudTrail trail was found',
  },
  { name: 'empty template', format: 'cloudformation', source: cfn({}), expected: {} },
  { name: 'logging by default', format: 'terraform', source: tfTrail(''), expected: { [TT]: 'pass' } },
  {
    name: 'logging off',
    format: 'terraform',
    source: tfTrail('enable_logging = false'),
    expected: { [TT]: 'fail' },
  },
  {
    name: 'no trail in the scanned code',
    format: 'terraform',
    source: noneTf,
    expected: { 'aws_s3_bucket.audit': 'fail' },
  },
  { name: 'nothing scanned', format: 'terraform', source: 'variable "x" {}', expected: {} },
]);

runRuleCases(cloudtrailMultiRegion, [
  {
    name: 'multi-Region',
    format: 'cloudformation',
    source: trail({ IsMultiRegionTrail: true }),
    expected: { [T]: 'pass' },
  },
  { name: 'single Region', format: 'cloudformation', source: trail({}), expected: { [T]: 'fail' } },
  { name: 'no trail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'multi-Region',
    format: 'terraform',
    source: tfTrail('is_multi_region_trail = true'),
    expected: { [TT]: 'pass' },
  },
  { name: 'single Region', format: 'terraform', source: tfTrail(''), expected: { [TT]: 'fail' } },
  { name: 'no trail', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(cloudtrailLogFileValidation, [
  {
    name: 'validation on',
    format: 'cloudformation',
    source: trail({ EnableLogFileValidation: true }),
    expected: { [T]: 'pass' },
  },
  { name: 'validation off', format: 'cloudformation', source: trail({}), expected: { [T]: 'fail' } },
  { name: 'no trail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'validation on',
    format: 'terraform',
    source: tfTrail('enable_log_file_validation = true'),
    expected: { [TT]: 'pass' },
  },
  { name: 'validation off', format: 'terraform', source: tfTrail(''), expected: { [TT]: 'fail' } },
  { name: 'no trail', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(cloudtrailKmsEncrypted, [
  {
    name: 'key resource',
    format: 'cloudformation',
    source: trail({ KMSKeyId: ref('Key') }),
    expected: { [T]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: trail({}), expected: { [T]: 'fail' } },
  { name: 'no trail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key resource',
    format: 'terraform',
    source: tfTrail('kms_key_id = aws_kms_key.k.arn'),
    expected: { [TT]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfTrail(''), expected: { [TT]: 'fail' } },
  { name: 'no trail', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(cloudtrailCloudwatchLogs, [
  {
    name: 'delivered to a log group',
    format: 'cloudformation',
    source: trail(
      { CloudWatchLogsLogGroupArn: getAtt('Group', 'Arn'), CloudWatchLogsRoleArn: 'arn:aws:iam::1:role/ct' },
      { Group: { Type: 'AWS::Logs::LogGroup', Properties: {} } },
    ),
    expected: { [T]: 'pass' },
  },
  { name: 'not delivered', format: 'cloudformation', source: trail({}), expected: { [T]: 'fail' } },
  { name: 'no trail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'delivered to a log group',
    format: 'terraform',
    source: tfTrail(
      'cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.ct.arn}:*"\n cloud_watch_logs_role_arn = "arn:aws:iam::1:role/ct"',
      'resource "aws_cloudwatch_log_group" "ct" {}',
    ),
    expected: { [TT]: 'pass' },
  },
  { name: 'not delivered', format: 'terraform', source: tfTrail(''), expected: { [TT]: 'fail' } },
  { name: 'no trail', format: 'terraform', source: noneTf, expected: {} },
]);

const agent = { Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'support' } } };
const bedrockSelector = {
  AdvancedEventSelectors: [
    {
      Name: 'bedrock',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::Bedrock::AgentAlias', 'AWS::Bedrock::KnowledgeBase'] },
      ],
    },
  ],
};
runRuleCases(cloudtrailBedrockDataEvents, [
  {
    name: 'trail records Bedrock data events',
    format: 'cloudformation',
    source: trail(bedrockSelector, agent),
    expected: { [T]: 'pass' },
  },
  {
    name: 'management events only',
    format: 'cloudformation',
    source: trail({}, agent),
    expected: { [T]: 'fail' },
  },
  {
    name: 'S3 data events only',
    format: 'cloudformation',
    source: trail(
      {
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      },
      agent,
    ),
    expected: { [T]: 'fail' },
  },
  { name: 'no Bedrock in the scanned code', format: 'cloudformation', source: trail({}), expected: {} },
  {
    name: 'event data store records Bedrock data events',
    format: 'terraform',
    source: tfTrail(
      '',
      `resource "aws_bedrockagent_knowledge_base" "kb" {
  name = "kb"
}
resource "aws_cloudtrail_event_data_store" "ai" {
  name = "ai"
  advanced_event_selector {
    name = "bedrock"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::Bedrock::KnowledgeBase"]
    }
  }
}`,
    ),
    expected: { 'aws_cloudtrail_event_data_store.ai': 'pass' },
  },
  {
    name: 'trail without data events',
    format: 'terraform',
    source: tfTrail('', 'resource "aws_bedrock_guardrail" "g" {\n name = "g"\n}'),
    expected: { [TT]: 'fail' },
  },
  { name: 'no Bedrock in the scanned code', format: 'terraform', source: tfTrail(''), expected: {} },
]);

const dataSource = {
  Docs: { Type: 'AWS::S3::Bucket', Properties: {} },
  Source: {
    Type: 'AWS::Bedrock::DataSource',
    Properties: {
      KnowledgeBaseId: 'kb',
      Name: 'docs',
      DataSourceConfiguration: { Type: 'S3', S3Configuration: { BucketArn: getAtt('Docs', 'Arn') } },
    },
  },
};
const D = 'AWS::S3::Bucket.Docs';
runRuleCases(cloudtrailAiBucketDataEvents, [
  {
    name: 'basic selector on the knowledge-base bucket',
    format: 'cloudformation',
    source: trail(
      {
        EventSelectors: [
          { DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Sub': '${Docs.Arn}/' }] }] },
        ],
      },
      dataSource,
    ),
    expected: { [D]: 'pass' },
  },
  {
    name: 'advanced selector on all S3 objects',
    format: 'cloudformation',
    source: trail(
      {
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      },
      dataSource,
    ),
    expected: { [D]: 'pass' },
  },
  {
    name: 'selector on another bucket',
    format: 'cloudformation',
    source: trail(
      {
        EventSelectors: [
          { DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Sub': '${Audit.Arn}/' }] }] },
        ],
      },
      dataSource,
    ),
    expected: { [D]: 'fail' },
  },
  {
    name: 'management events only',
    format: 'cloudformation',
    source: trail({}, dataSource),
    expected: { [D]: 'fail' },
  },
  { name: 'no AI data bucket', format: 'cloudformation', source: trail({}), expected: {} },
  {
    name: 'model artifact bucket named in an s3:// URL, all buckets recorded',
    format: 'terraform',
    source: tfTrail(
      'event_selector {\n data_resource {\n type = "AWS::S3::Object"\n values = ["arn:aws:s3"]\n }\n }',
      `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}
resource "aws_sagemaker_model" "m" {
  execution_role_arn = "arn:aws:iam::1:role/sm"
  primary_container {
    image          = "img"
    model_data_url = "s3://acme-models/model.tar.gz"
  }
}`,
    ),
    expected: { 'aws_s3_bucket.models': 'pass' },
  },
  {
    name: 'model artifact bucket not recorded',
    format: 'terraform',
    source: tfTrail(
      '',
      `resource "aws_s3_bucket" "models" {
  bucket = "acme-models"
}
resource "aws_sagemaker_model" "m" {
  execution_role_arn = "arn:aws:iam::1:role/sm"
  primary_container {
    image          = "img"
    model_data_url = "s3://acme-models/model.tar.gz"
  }
}`,
    ),
    expected: { 'aws_s3_bucket.models': 'fail' },
  },
  { name: 'no AI data bucket', format: 'terraform', source: tfTrail(''), expected: {} },
]);

import { glueJobSecurityConfiguration } from '../../../src/rules/glue/glue_job_security_configuration.js';
import { glueSecurityConfigurationEncrypted } from '../../../src/rules/glue/glue_security_configuration_encrypted.js';
import { cfn, ref, runRuleCases } from '../sagemaker/cases.js';

const fullEncryption = {
  S3Encryptions: [{ S3EncryptionMode: 'SSE-KMS', KmsKeyArn: 'arn:aws:kms:us-east-1:1:key/k' }],
  CloudWatchEncryption: { CloudWatchEncryptionMode: 'SSE-KMS', KmsKeyArn: 'arn:aws:kms:us-east-1:1:key/k' },
  JobBookmarksEncryption: {
    JobBookmarksEncryptionMode: 'CSE-KMS',
    KmsKeyArn: 'arn:aws:kms:us-east-1:1:key/k',
  },
};
const config = (encryption: Record<string, unknown>) => ({
  Type: 'AWS::Glue::SecurityConfiguration',
  Properties: { Name: 'secure', EncryptionConfiguration: encryption },
});
const C = 'AWS::Glue::SecurityConfiguration.Config';
const tfConfig = (cloudwatchMode: string) => `resource "aws_glue_security_configuration" "c" {
  name = "secure"
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "${cloudwatchMode}"
    }
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
    }
    s3_encryption {
      s3_encryption_mode = "SSE-KMS"
    }
  }
}`;
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

runRuleCases(glueSecurityConfigurationEncrypted, [
  {
    name: 'all three encrypted',
    format: 'cloudformation',
    source: cfn({ Config: config(fullEncryption) }),
    expected: { [C]: 'pass' },
  },
  {
    name: 'bookmarks disabled',
    format: 'cloudformation',
    source: cfn({
      Config: config({
        ...fullEncryption,
        JobBookmarksEncryption: { JobBookmarksEncryptionMode: 'DISABLED' },
      }),
    }),
    expected: { [C]: 'fail' },
    messageIncludes: 'job bookmark encryption',
  },
  { name: 'no configuration', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'all three encrypted',
    format: 'terraform',
    source: tfConfig('SSE-KMS'),
    expected: { 'aws_glue_security_configuration.c': 'pass' },
  },
  {
    name: 'CloudWatch disabled',
    format: 'terraform',
    source: tfConfig('DISABLED'),
    expected: { 'aws_glue_security_configuration.c': 'fail' },
  },
  { name: 'no configuration', format: 'terraform', source: noneTf, expected: {} },
]);

const job = (props: Record<string, unknown>) => ({
  Type: 'AWS::Glue::Job',
  Properties: {
    Role: 'arn:aws:iam::1:role/glue',
    Command: { Name: 'glueetl', ScriptLocation: 's3://x/y.py' },
    ...props,
  },
});
const J = 'AWS::Glue::Job.Prep';
runRuleCases(glueJobSecurityConfiguration, [
  {
    name: 'encrypting configuration by Ref',
    format: 'cloudformation',
    source: cfn({ Config: config(fullEncryption), Prep: job({ SecurityConfiguration: ref('Config') }) }),
    expected: { [J]: 'pass' },
  },
  {
    name: 'encrypting configuration by name',
    format: 'cloudformation',
    source: cfn({ Config: config(fullEncryption), Prep: job({ SecurityConfiguration: 'secure' }) }),
    expected: { [J]: 'pass' },
  },
  {
    name: 'configuration without S3 encryption',
    format: 'cloudformation',
    source: cfn({
      Config: config({ ...fullEncryption, S3Encryptions: [{ S3EncryptionMode: 'DISABLED' }] }),
      Prep: job({ SecurityConfiguration: ref('Config') }),
    }),
    expected: { [J]: 'fail' },
  },
  {
    name: 'no configuration',
    format: 'cloudformation',
    source: cfn({ Prep: job({}) }),
    expected: { [J]: 'fail' },
  },
  {
    name: 'configuration from another stack',
    format: 'cloudformation',
    source: cfn({ Prep: job({ SecurityConfiguration: 'shared' }) }),
    expected: { [J]: 'pass' },
  },
  {
    name: 'imported configuration',
    format: 'cloudformation',
    source: cfn({ Prep: job({ SecurityConfiguration: { 'Fn::ImportValue': 'glue-config' } }) }),
    expected: { [J]: 'unknown' },
  },
  { name: 'no job', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'crawler with an encrypting configuration',
    format: 'terraform',
    source: `${tfConfig('SSE-KMS')}
resource "aws_glue_crawler" "cr" {
  name                   = "raw"
  role                   = "arn:aws:iam::1:role/glue"
  database_name          = "raw"
  security_configuration = aws_glue_security_configuration.c.name
}`,
    expected: { 'aws_glue_crawler.cr': 'pass' },
  },
  {
    name: 'job without configuration',
    format: 'terraform',
    source: 'resource "aws_glue_job" "j" {\n name = "prep"\n role_arn = "arn:aws:iam::1:role/glue"\n}',
    expected: { 'aws_glue_job.j': 'fail' },
  },
  { name: 'no job', format: 'terraform', source: noneTf, expected: {} },
]);

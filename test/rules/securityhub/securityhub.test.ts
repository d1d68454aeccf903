import { securityhubEnabled } from '../../../src/rules/securityhub/securityhub_enabled.js';
import { cfn, runRuleCases } from '../sagemaker/cases.js';

runRuleCases(securityhubEnabled, [
  {
    name: 'hub declared',
    format: 'cloudformation',
    source: cfn({ Hub: { Type: 'AWS::SecurityHub::Hub', Properties: {} } }),
    expected: { 'AWS::SecurityHub::Hub.Hub': 'pass' },
  },
  {
    name: 'absent from the scanned code',
    format: 'cloudformation',
    source: cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } }),
    expected: { 'AWS::S3::Bucket.Bucket': 'fail' },
    messageIncludes: 'suppress this finding',
  },
  { name: 'empty template', format: 'cloudformation', source: cfn({}), expected: {} },
  {
    name: 'account resource',
    format: 'terraform',
    source: 'resource "aws_securityhub_account" "main" {}',
    expected: { 'aws_securityhub_account.main': 'pass' },
  },
  {
    name: 'absent from the scanned code',
    format: 'terraform',
    source: 'resource "aws_s3_bucket" "b" {}',
    expected: { 'aws_s3_bucket.b': 'fail' },
  },
  { name: 'nothing scanned', format: 'terraform', source: 'variable "x" {}', expected: {} },
]);

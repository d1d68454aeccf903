import { macieEnabled } from '../../../src/rules/macie/macie_enabled.js';
import { cfn, runRuleCases } from '../sagemaker/cases.js';

runRuleCases(macieEnabled, [
  {
    name: 'session enabled',
    format: 'cloudformation',
    source: cfn({ Macie: { Type: 'AWS::Macie::Session', Properties: { Status: 'ENABLED' } } }),
    expected: { 'AWS::Macie::Session.Macie': 'pass' },
  },
  {
    name: 'session paused',
    format: 'cloudformation',
    source: cfn({ Macie: { Type: 'AWS::Macie::Session', Properties: { Status: 'PAUSED' } } }),
    expected: { 'AWS::Macie::Session.Macie': 'fail' },
  },
  {
    name: 'absent from the scanned code',
    format: 'cloudformation',
    source: cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } }),
    expected: { 'AWS::S3::Bucket.Bucket': 'fail' },
  },
  { name: 'empty template', format: 'cloudformation', source: cfn({}), expected: {} },
  {
    name: 'account enabled by default',
    format: 'terraform',
    source: 'resource "aws_macie2_account" "main" {}',
    expected: { 'aws_macie2_account.main': 'pass' },
  },
  {
    name: 'account paused',
    format: 'terraform',
    source: 'resource "aws_macie2_account" "main" {\n status = "PAUSED"\n}',
    expected: { 'aws_macie2_account.main': 'fail' },
  },
  { name: 'nothing scanned', format: 'terraform', source: 'variable "x" {}', expected: {} },
]);

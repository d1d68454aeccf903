import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from './shared.js';

export const sagemakerNotebookKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_kms_cmk',
  title: 'SageMaker notebook instances encrypt their storage volume with a customer managed KMS key',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    'Notebook volumes hold training data samples, credentials in shell history and model artifacts. Without KmsKeyId the volume uses an AWS owned key, so the customer cannot restrict, audit or revoke decryption.',
  remediation: {
    text: 'Set KmsKeyId to a customer managed KMS key.',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    KmsKeyId: !Ref NotebookKey',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "nb" {\n  kms_key_id = aws_kms_key.notebook.arn\n}',
  },
  controls: ['notebook-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_22', 'CKV_AWS_187'],
    prowler: ['sagemaker_notebook_instance_encryption_enabled'],
    securityhub: ['SageMaker.21'],
    cdknag: [
      'AwsSolutions-SM2',
      'HIPAA.Security-SageMakerNotebookInstanceKMSKeyConfigured',
      'NIST.800.53.R4-SageMakerNotebookInstanceKMSKeyConfigured',
      'NIST.800.53.R5-SageMakerNotebookInstanceKMSKeyConfigured',
      'PCI.DSS.321-SageMakerNotebookInstanceKMSKeyConfigured',
    ],
  },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'KmsKeyId', terraform: 'kms_key_id' }),
      'the notebook volume',
    );
  },
};

import { prop } from '../../resources/access.js';
import type { ResourceRule } from '../types.js';
import { cmkOutcome } from '../sagemaker/shared.js';

export const bedrockDataSourceCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_data_source_cmk',
  title: 'Bedrock knowledge base data sources encrypt ingestion data with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::Bedrock::DataSource'],
    terraform: ['aws_bedrockagent_data_source'],
  },
  rationale:
    'During ingestion Bedrock keeps transient copies of the documents and their chunks. Without ServerSideEncryptionConfiguration they are encrypted with an AWS owned key.',
  remediation: {
    text: 'Set ServerSideEncryptionConfiguration.KmsKeyArn to a customer managed KMS key.',
    cloudformation:
      'DataSource:\n  Type: AWS::Bedrock::DataSource\n  Properties:\n    ServerSideEncryptionConfiguration:\n      KmsKeyArn: !GetAtt KbKey.Arn',
    terraform:
      'resource "aws_bedrockagent_data_source" "docs" {\n  server_side_encryption_configuration {\n    kms_key_arn = aws_kms_key.kb.arn\n  }\n}',
  },
  controls: ['knowledge-base-cmk-encryption'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_knowledge_base_encrypted_with_cmk'],
    securityhub: ['Bedrock.1'],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'ServerSideEncryptionConfiguration.KmsKeyArn',
        terraform: 'server_side_encryption_configuration.kms_key_arn',
      }),
      'data source ingestion data',
    );
  },
};

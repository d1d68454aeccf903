import { bedrockCustomModelCmk } from '../../../src/rules/bedrock/bedrock_custom_model_cmk.js';
import { bedrockCustomModelTrainingVpc } from '../../../src/rules/bedrock/bedrock_custom_model_training_vpc.js';
import { bedrockDataSourceCmk } from '../../../src/rules/bedrock/bedrock_data_source_cmk.js';
import { bedrockFlowCmk } from '../../../src/rules/bedrock/bedrock_flow_cmk.js';
import { bedrockKnowledgeBaseVectorStoreCmk } from '../../../src/rules/bedrock/bedrock_knowledge_base_vector_store_cmk.js';
import { bedrockPromptCmk } from '../../../src/rules/bedrock/bedrock_prompt_cmk.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

const KB = 'AWS::Bedrock::KnowledgeBase.Kb';
const TF_KB = 'aws_bedrockagent_knowledge_base.kb';
const encryptionPolicy = (body: Record<string, unknown>) => ({
  Type: 'AWS::OpenSearchServerless::SecurityPolicy',
  Properties: {
    Name: 'enc',
    Type: 'encryption',
    Policy: JSON.stringify({
      Rules: [{ ResourceType: 'collection', Resource: ['collection/kb-*'] }],
      ...body,
    }),
  },
});
const aossKb = (policyBody: Record<string, unknown> | undefined) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Collection: {
      Type: 'AWS::OpenSearchServerless::Collection',
      Properties: { Name: 'kb-vectors', Type: 'VECTORSEARCH' },
    },
    ...(policyBody ? { Enc: encryptionPolicy(policyBody) } : {}),
    Kb: {
      Type: 'AWS::Bedrock::KnowledgeBase',
      Properties: {
        Name: 'kb',
        RoleArn: 'arn:aws:iam::1:role/kb',
        KnowledgeBaseConfiguration: {
          Type: 'VECTOR',
          VectorKnowledgeBaseConfiguration: {
            EmbeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
          },
        },
        StorageConfiguration: {
          Type: 'OPENSEARCH_SERVERLESS',
          OpensearchServerlessConfiguration: {
            CollectionArn: getAtt('Collection', 'Arn'),
            VectorIndexName: 'idx',
            FieldMapping: { VectorField: 'v', TextField: 't', MetadataField: 'm' },
          },
        },
      },
    },
  });
const rdsKb = (cluster: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', ...cluster } },
    Kb: {
      Type: 'AWS::Bedrock::KnowledgeBase',
      Properties: {
        Name: 'kb',
        RoleArn: 'r',
        StorageConfiguration: {
          Type: 'RDS',
          RdsConfiguration: {
            ResourceArn: getAtt('Cluster', 'DBClusterArn'),
            CredentialsSecretArn: 's',
            DatabaseName: 'd',
            TableName: 't',
          },
        },
      },
    },
  });
const tfAossKb = (aws_owned: boolean) => `
resource "aws_kms_key" "k" {}
resource "aws_opensearchserverless_collection" "c" {
  name = "kb-vectors"
  type = "VECTORSEARCH"
}
resource "aws_opensearchserverless_security_policy" "enc" {
  name = "enc"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]
    AWSOwnedKey = ${aws_owned}
    ${aws_owned ? '' : 'KmsARN = aws_kms_key.k.arn'}
  })
}
resource "aws_bedrockagent_knowledge_base" "kb" {
  name     = "kb"
  role_arn = "arn:aws:iam::1:role/kb"
  storage_configuration {
    type = "OPENSEARCH_SERVERLESS"
    opensearch_serverless_configuration {
      collection_arn    = aws_opensearchserverless_collection.c.arn
      vector_index_name = "idx"
    }
  }
}`;

runRuleCases(bedrockKnowledgeBaseVectorStoreCmk, [
  {
    name: 'collection covered by a CMK encryption policy',
    format: 'cloudformation',
    source: aossKb({ AWSOwnedKey: false, KmsARN: 'arn:aws:kms:us-east-1:1:key/k' }),
    expected: { [KB]: 'pass' },
  },
  {
    name: 'collection with an AWS owned key',
    format: 'cloudformation',
    source: aossKb({ AWSOwnedKey: true }),
    expected: { [KB]: 'fail' },
  },
  {
    name: 'no encryption policy in the scan',
    format: 'cloudformation',
    source: aossKb(undefined),
    expected: { [KB]: 'unknown' },
  },
  {
    name: 'encrypted Aurora with CMK',
    format: 'cloudformation',
    source: rdsKb({ StorageEncrypted: true, KmsKeyId: { Ref: 'Key' } }),
    expected: { [KB]: 'pass' },
  },
  {
    name: 'unencrypted Aurora (default)',
    format: 'cloudformation',
    source: rdsKb({}),
    expected: { [KB]: 'fail' },
  },
  {
    name: 'Pinecone',
    format: 'cloudformation',
    source: cfn({
      Kb: {
        Type: 'AWS::Bedrock::KnowledgeBase',
        Properties: {
          Name: 'kb',
          StorageConfiguration: {
            Type: 'PINECONE',
            PineconeConfiguration: { ConnectionString: 'https://x', CredentialsSecretArn: 's' },
          },
        },
      },
    }),
    expected: { [KB]: 'unknown' },
  },
  { name: 'no knowledge base', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'collection covered by a CMK policy',
    format: 'terraform',
    source: tfAossKb(false),
    expected: { [TF_KB]: 'pass' },
  },
  { name: 'AWS owned key', format: 'terraform', source: tfAossKb(true), expected: { [TF_KB]: 'fail' } },
  { name: 'no knowledge base', format: 'terraform', source: noneTf, expected: {} },
]);

const DS = 'AWS::Bedrock::DataSource.Docs';
const TF_DS = 'aws_bedrockagent_data_source.docs';
const dataSource = (props: Record<string, unknown>) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Docs: {
      Type: 'AWS::Bedrock::DataSource',
      Properties: {
        Name: 'docs',
        KnowledgeBaseId: 'KB1',
        DataSourceConfiguration: { Type: 'S3', S3Configuration: { BucketArn: 'arn:aws:s3:::docs' } },
        ...props,
      },
    },
  });
const tfDataSource = (body: string) => `
resource "aws_kms_key" "k" {}
resource "aws_bedrockagent_data_source" "docs" {
  name              = "docs"
  knowledge_base_id = "KB1"
  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = "arn:aws:s3:::docs"
    }
  }
  ${body}
}`;
runRuleCases(bedrockDataSourceCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: dataSource({ ServerSideEncryptionConfiguration: { KmsKeyArn: getAtt('Key', 'Arn') } }),
    expected: { [DS]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: dataSource({}), expected: { [DS]: 'fail' } },
  { name: 'no data source', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key',
    format: 'terraform',
    source: tfDataSource('server_side_encryption_configuration {\n kms_key_arn = aws_kms_key.k.arn\n }'),
    expected: { [TF_DS]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfDataSource(''), expected: { [TF_DS]: 'fail' } },
  { name: 'no data source', format: 'terraform', source: noneTf, expected: {} },
]);

for (const [rule, cfnType, tfType, logicalId, tfName] of [
  [bedrockPromptCmk, 'AWS::Bedrock::Prompt', 'aws_bedrockagent_prompt', 'Prompt', 'prompt'],
  [bedrockFlowCmk, 'AWS::Bedrock::Flow', 'aws_bedrockagent_flow', 'Flow', 'flow'],
] as const) {
  const address = `${cfnType}.${logicalId}`;
  const tfAddress = `${tfType}.${tfName}`;
  const template = (props: Record<string, unknown>) =>
    cfn({
      Key: { Type: 'AWS::KMS::Key', Properties: {} },
      [logicalId]: { Type: cfnType, Properties: { Name: 'x', ...props } },
    });
  const tf = (body: string) =>
    `resource "aws_kms_key" "k" {}\nresource "${tfType}" "${tfName}" {\n name = "x"\n ${body}\n}`;
  runRuleCases(rule, [
    {
      name: 'key',
      format: 'cloudformation',
      source: template({ CustomerEncryptionKeyArn: getAtt('Key', 'Arn') }),
      expected: { [address]: 'pass' },
    },
    { name: 'no key', format: 'cloudformation', source: template({}), expected: { [address]: 'fail' } },
    {
      name: 'AWS managed alias',
      format: 'cloudformation',
      source: template({ CustomerEncryptionKeyArn: 'arn:aws:kms:us-east-1:1:alias/aws/bedrock' }),
      expected: { [address]: 'fail' },
    },
    { name: 'none', format: 'cloudformation', source: noneCfn, expected: {} },
    {
      name: 'key',
      format: 'terraform',
      source: tf('customer_encryption_key_arn = aws_kms_key.k.arn'),
      expected: { [tfAddress]: 'pass' },
    },
    { name: 'no key', format: 'terraform', source: tf(''), expected: { [tfAddress]: 'fail' } },
    { name: 'none', format: 'terraform', source: noneTf, expected: {} },
  ]);
}

const TF_CM = 'aws_bedrock_custom_model.tuned';
const customModel = (body: string) => `
resource "aws_kms_key" "k" {}
resource "aws_bedrock_custom_model" "tuned" {
  custom_model_name     = "tuned"
  job_name              = "tune-1"
  base_model_identifier = "amazon.titan-text-express-v1"
  role_arn              = "arn:aws:iam::1:role/tune"
  training_data_config {
    s3_uri = "s3://data/train.jsonl"
  }
  output_data_config {
    s3_uri = "s3://data/out/"
  }
  ${body}
}`;
runRuleCases(bedrockCustomModelCmk, [
  {
    name: 'key',
    format: 'terraform',
    source: customModel('custom_model_kms_key_id = aws_kms_key.k.arn'),
    expected: { [TF_CM]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: customModel(''), expected: { [TF_CM]: 'fail' } },
  { name: 'no custom model', format: 'terraform', source: noneTf, expected: {} },
]);
runRuleCases(bedrockCustomModelTrainingVpc, [
  {
    name: 'VPC',
    format: 'terraform',
    source: customModel('vpc_config {\n subnet_ids = ["subnet-1"]\n security_group_ids = ["sg-1"]\n }'),
    expected: { [TF_CM]: 'pass' },
  },
  { name: 'no VPC', format: 'terraform', source: customModel(''), expected: { [TF_CM]: 'fail' } },
  { name: 'no custom model', format: 'terraform', source: noneTf, expected: {} },
]);

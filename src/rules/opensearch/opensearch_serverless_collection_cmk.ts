import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { COLLECTION_TYPES, collectionEncryption } from './policies.js';

export const opensearchServerlessCollectionCmk: ResourceRule = {
  kind: 'resource',
  id: 'opensearch_serverless_collection_cmk',
  title:
    'OpenSearch Serverless collections are covered by an encryption policy with a customer managed KMS key',
  severity: 'high',
  resourceTypes: COLLECTION_TYPES,
  rationale:
    "Vector collections hold the embedded chunks of every document a knowledge base ingests, which can be inverted back to text. An AWS owned key leaves decryption outside the owner's key policy and CloudTrail.",
  remediation: {
    text: 'Add an encryption security policy whose rule covers collection/<name> with AWSOwnedKey false and KmsARN set to a customer managed key.',
    cloudformation:
      'EncryptionPolicy:\n  Type: AWS::OpenSearchServerless::SecurityPolicy\n  Properties:\n    Name: kb-encryption\n    Type: encryption\n    Policy: !Sub \'{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-vectors"]}],"AWSOwnedKey":false,"KmsARN":"${VectorKey.Arn}"}\'',
    terraform:
      'resource "aws_opensearchserverless_security_policy" "enc" {\n  name = "kb-encryption"\n  type = "encryption"\n  policy = jsonencode({\n    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]\n    AWSOwnedKey = false\n    KmsARN      = aws_kms_key.vectors.arn\n  })\n}',
  },
  controls: ['vector-store-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const result = collectionEncryption(resource, ctx.graph);
    const message = `${resource.address}: ${result.detail}`;
    return result.status === 'pass'
      ? pass(message)
      : result.status === 'fail'
        ? fail(message)
        : unknown(message);
  },
};

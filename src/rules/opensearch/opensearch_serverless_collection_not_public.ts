import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { COLLECTION_TYPES, collectionNetworkExposure } from './policies.js';

export const opensearchServerlessCollectionNotPublic: ResourceRule = {
  kind: 'resource',
  id: 'opensearch_serverless_collection_not_public',
  title: 'OpenSearch Serverless collections are not reachable from the public internet',
  severity: 'high',
  resourceTypes: COLLECTION_TYPES,
  rationale:
    'A public network policy exposes the collection endpoint to the internet, where only the data access policy stands between an attacker and the vectors and source text of the knowledge base.',
  remediation: {
    text: 'Set AllowFromPublic to false and allow access only from your VPC endpoints (SourceVPCEs) and from bedrock.amazonaws.com (SourceServices).',
    cloudformation:
      'NetworkPolicy:\n  Type: AWS::OpenSearchServerless::SecurityPolicy\n  Properties:\n    Name: kb-network\n    Type: network\n    Policy: \'[{"Rules":[{"ResourceType":"collection","Resource":["collection/kb-vectors"]}],"AllowFromPublic":false,"SourceServices":["bedrock.amazonaws.com"]}]\'',
    terraform:
      'resource "aws_opensearchserverless_security_policy" "net" {\n  name = "kb-network"\n  type = "network"\n  policy = jsonencode([{\n    Rules           = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]\n    AllowFromPublic = false\n    SourceServices  = ["bedrock.amazonaws.com"]\n  }])\n}',
  },
  controls: ['vector-store-not-public'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const result = collectionNetworkExposure(resource, ctx.graph);
    const message = `${resource.address}: ${result.detail}`;
    return result.status === 'pass'
      ? pass(message)
      : result.status === 'fail'
        ? fail(message)
        : unknown(message);
  },
};

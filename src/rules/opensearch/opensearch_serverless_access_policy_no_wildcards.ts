import { asArray, getPath, prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from '../sagemaker/shared.js';
import { ACCESS_POLICY_TYPES, policyDocument } from './policies.js';

const WILDCARD_PERMISSIONS = new Set(['*', 'aoss:*']);

export const opensearchServerlessAccessPolicyNoWildcards: ResourceRule = {
  kind: 'resource',
  id: 'opensearch_serverless_access_policy_no_wildcards',
  title: 'OpenSearch Serverless data access policies name their principals and permissions without wildcards',
  severity: 'high',
  resourceTypes: ACCESS_POLICY_TYPES,
  rationale:
    'A "*" principal opens the collection to every authenticated AWS identity, and "aoss:*" lets a principal delete indexes or rewrite vectors, which poisons every answer built on them.',
  remediation: {
    text: 'List the knowledge base and ingestion role ARNs as principals and grant only the aoss: permissions they use.',
    cloudformation:
      'AccessPolicy:\n  Type: AWS::OpenSearchServerless::AccessPolicy\n  Properties:\n    Name: kb-access\n    Type: data\n    Policy: !Sub \'[{"Rules":[{"ResourceType":"index","Resource":["index/kb-vectors/*"],"Permission":["aoss:ReadDocument","aoss:WriteDocument","aoss:DescribeIndex","aoss:CreateIndex"]}],"Principal":["${KbRole.Arn}"]}]\'',
    terraform:
      'resource "aws_opensearchserverless_access_policy" "kb" {\n  name = "kb-access"\n  type = "data"\n  policy = jsonencode([{\n    Rules     = [{ ResourceType = "index", Resource = ["index/kb-vectors/*"], Permission = ["aoss:ReadDocument", "aoss:WriteDocument"] }]\n    Principal = [aws_iam_role.kb.arn]\n  }])\n}',
  },
  controls: ['vector-store-access-restricted'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const type = asText(prop(resource, { cloudformation: 'Type', terraform: 'type' }));
    if (typeof type === 'string' && type.toLowerCase() !== 'data')
      return notApplicable(`${resource.address} is not a data access policy`);
    const doc = policyDocument(resource);
    if (isUnknown(doc)) return unknown(`${resource.address}: policy cannot be read: ${doc.reason}`);
    const problems: string[] = [];
    for (const entry of asArray(doc)) {
      for (const principal of asArray(getPath(entry, 'Principal'))) {
        if (principal === '*') problems.push('principal "*"');
      }
      for (const rule of asArray(getPath(entry, 'Rules'))) {
        for (const permission of asArray(getPath(rule, 'Permission'))) {
          if (typeof permission === 'string' && WILDCARD_PERMISSIONS.has(permission.trim().toLowerCase()))
            problems.push(`permission "${permission}"`);
        }
      }
    }
    if (problems.length === 0)
      return pass(`${resource.address} names its principals and permissions explicitly`);
    return fail(`${resource.address} grants wildcards: ${[...new Set(problems)].join(', ')}`);
  },
};

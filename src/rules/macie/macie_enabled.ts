import { isUnknown, prop } from '../../resources/index.js';
import { absentMessage, accountAnchor } from '../cloudtrail/account-scope.js';
import { fail, pass, unknown, type GraphRule } from '../types.js';
import { describeValue } from '../cloudtrail/references.js';

const SESSION_TYPES = { cloudformation: ['AWS::Macie::Session'], terraform: ['aws_macie2_account'] };

export const macieEnabled: GraphRule = {
  kind: 'graph',
  id: 'macie_enabled',
  title: 'Amazon Macie is enabled',
  severity: 'medium',
  resourceTypes: SESSION_TYPES,
  rationale:
    'Training sets and RAG corpora collect personal and confidential data that nobody meant to put there. Macie discovers sensitive data in S3 so it can be removed or protected before a model learns or retrieves it. The rule fails when the scanned code does not enable Macie; an organization-wide setup cannot be seen statically, so suppress the finding with that reason if it applies.',
  remediation: {
    text: 'Enable Macie and automated sensitive data discovery for the buckets that feed training and retrieval.',
    cloudformation: `Macie:
  Type: AWS::Macie::Session
  Properties:
    Status: ENABLED
    FindingPublishingFrequency: FIFTEEN_MINUTES`,
    terraform: `resource "aws_macie2_account" "main" {
  status                       = "ENABLED"
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}`,
  },
  controls: ['macie-sensitive-data-discovery', 'pii-discovery-before-training'],
  equivalents: { checkov: [], prowler: ['macie_is_enabled'], securityhub: ['Macie.1'], cdknag: [] },
  evaluateGraph(ctx) {
    const sessions = ctx.graph.byType(...SESSION_TYPES.cloudformation, ...SESSION_TYPES.terraform);
    if (sessions.length === 0) {
      const anchor = accountAnchor(ctx.graph);
      return anchor
        ? [
            {
              resource: anchor,
              ...fail(absentMessage(anchor, 'Macie session', 'AWS::Macie::Session / aws_macie2_account')),
            },
          ]
        : [];
    }
    return sessions.map((session) => {
      const status = prop(session, { cloudformation: 'Status', terraform: 'status' });
      if (isUnknown(status))
        return {
          resource: session,
          ...unknown(`${session.address}: cannot be decided statically: ${status.reason}`),
        };
      if (status === undefined || status === 'ENABLED')
        return { resource: session, ...pass(`${session.address}: Macie is enabled`) };
      return {
        resource: session,
        ...fail(`${session.address}: Macie is declared but ${describeValue(status)}`),
      };
    });
  },
};

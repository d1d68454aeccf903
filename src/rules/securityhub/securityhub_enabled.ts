import { absentMessage, accountAnchor } from '../cloudtrail/account-scope.js';
import { fail, pass, type GraphRule } from '../types.js';

const HUB_TYPES = { cloudformation: ['AWS::SecurityHub::Hub'], terraform: ['aws_securityhub_account'] };

export const securityhubEnabled: GraphRule = {
  kind: 'graph',
  id: 'securityhub_enabled',
  title: 'Security Hub is enabled',
  severity: 'medium',
  resourceTypes: HUB_TYPES,
  rationale:
    'Security Hub gathers GuardDuty, Macie, Inspector and Config findings and runs the FSBP and AI Security Best Practices controls (SageMaker.*, Bedrock.*) against live resources, the runtime counterpart of this static scan. The rule fails when the scanned code does not enable it; an organization-wide configuration from a delegated administrator cannot be seen statically, so suppress the finding with that reason if it applies.',
  remediation: {
    text: 'Enable Security Hub (with the default standards) in every account and Region, or centrally from the delegated administrator.',
    cloudformation: `Hub:
  Type: AWS::SecurityHub::Hub
  Properties:
    EnableDefaultStandards: true`,
    terraform: `resource "aws_securityhub_account" "main" {
  enable_default_standards = true
}`,
  },
  controls: ['security-hub-enabled', 'continuous-posture-assessment'],
  equivalents: { checkov: [], prowler: ['securityhub_enabled'], securityhub: [], cdknag: [] },
  evaluateGraph(ctx) {
    const hubs = ctx.graph.byType(...HUB_TYPES.cloudformation, ...HUB_TYPES.terraform);
    if (hubs.length > 0)
      return hubs.map((hub) => ({ resource: hub, ...pass(`${hub.address}: Security Hub is enabled`) }));
    const anchor = accountAnchor(ctx.graph);
    return anchor
      ? [
          {
            resource: anchor,
            ...fail(absentMessage(anchor, 'Security Hub', 'AWS::SecurityHub::Hub / aws_securityhub_account')),
          },
        ]
      : [];
  },
};

import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { absentMessage, accountAnchor } from '../cloudtrail/account-scope.js';
import { fail, pass, unknown, type GraphRule } from '../types.js';
import { DETECTOR_TYPES } from './detector-features.js';

export const guarddutyDetectorEnabled: GraphRule = {
  kind: 'graph',
  id: 'guardduty_detector_enabled',
  title: 'A GuardDuty detector is declared and enabled',
  severity: 'high',
  resourceTypes: DETECTOR_TYPES,
  rationale:
    'GuardDuty detects credential theft, crypto-mining on GPU instances, anomalous Bedrock and S3 access and command-and-control traffic from notebooks and model hosts. The rule fails when the scanned code declares no detector; a delegated-administrator setup in another account cannot be seen statically, so suppress the finding with that reason if it applies.',
  remediation: {
    text: 'Declare an enabled detector in every account and Region (or enable GuardDuty organization-wide from the delegated administrator).',
    cloudformation: `Detector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    FindingPublishingFrequency: FIFTEEN_MINUTES`,
    terraform: `resource "aws_guardduty_detector" "main" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}`,
  },
  controls: ['guardduty-enabled'],
  equivalents: {
    checkov: ['CKV_AWS_238'],
    prowler: ['guardduty_is_enabled'],
    securityhub: ['GuardDuty.1'],
    cdknag: [],
  },
  evaluateGraph(ctx) {
    const detectors = ctx.graph.byType(...DETECTOR_TYPES.cloudformation, ...DETECTOR_TYPES.terraform);
    if (detectors.length === 0) {
      const anchor = accountAnchor(ctx.graph);
      return anchor
        ? [
            {
              resource: anchor,
              ...fail(
                absentMessage(
                  anchor,
                  'GuardDuty detector',
                  'AWS::GuardDuty::Detector / aws_guardduty_detector',
                ),
              ),
            },
          ]
        : [];
    }
    return detectors.map((detector) => {
      const raw = prop(detector, { cloudformation: 'Enable', terraform: 'enable' });
      // Enable is required in CloudFormation; Terraform defaults it to true.
      const enabled =
        raw === undefined && detector.source !== 'cloudformation' && detector.source !== 'cdk'
          ? true
          : asBoolean(raw);
      if (isUnknown(enabled))
        return {
          resource: detector,
          ...unknown(`${detector.address}: cannot be decided statically: ${enabled.reason}`),
        };
      if (enabled === true)
        return { resource: detector, ...pass(`${detector.address}: the detector is enabled`) };
      return { resource: detector, ...fail(`${detector.address}: the detector is declared but suspended`) };
    });
  },
};

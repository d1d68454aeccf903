import { isUnknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { DETECTOR_TYPES, featureEnabled } from './detector-features.js';

export const guarddutyS3ProtectionEnabled: ResourceRule = {
  kind: 'resource',
  id: 'guardduty_s3_protection_enabled',
  title: 'GuardDuty detectors have S3 Protection enabled',
  severity: 'high',
  resourceTypes: DETECTOR_TYPES,
  rationale:
    'Training data, model artifacts and RAG corpora live in S3. S3 Protection analyses data events to detect unusual reads (exfiltration), writes (poisoning) and access from known malicious addresses.',
  remediation: {
    text: 'Enable the S3_DATA_EVENTS feature on the detector.',
    cloudformation: `Features:
  - Name: S3_DATA_EVENTS
    Status: ENABLED`,
    terraform: `resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}`,
  },
  controls: ['guardduty-enabled'],
  equivalents: {
    checkov: [],
    prowler: ['guardduty_s3_protection_enabled'],
    securityhub: ['GuardDuty.10'],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const enabled = featureEnabled(resource, ctx.graph, ['S3_DATA_EVENTS'], {
      cloudformation: 'DataSources.S3Logs.Enable',
      terraform: 'datasources.s3_logs.enable',
    });
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled) return pass(`${resource.address}: S3 Protection is enabled`);
    return fail(`${resource.address}: S3 Protection is not enabled`);
  },
};

import { isUnknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { DETECTOR_TYPES, featureEnabled } from './detector-features.js';

export const guarddutyRuntimeMonitoringEnabled: ResourceRule = {
  kind: 'resource',
  id: 'guardduty_runtime_monitoring_enabled',
  title: 'GuardDuty detectors have Runtime Monitoring enabled',
  severity: 'medium',
  resourceTypes: DETECTOR_TYPES,
  rationale:
    'Model servers and training jobs on EC2, ECS and EKS run third-party code and pickled model files. Runtime Monitoring watches process, file and network events on those hosts to catch code execution from a malicious model or a compromised dependency.',
  remediation: {
    text: 'Enable the RUNTIME_MONITORING feature (with automated agent management for the compute you use).',
    cloudformation: `Features:
  - Name: RUNTIME_MONITORING
    Status: ENABLED
    AdditionalConfiguration:
      - Name: ECS_FARGATE_AGENT_MANAGEMENT
        Status: ENABLED`,
    terraform: `resource "aws_guardduty_detector_feature" "runtime" {
  detector_id = aws_guardduty_detector.main.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
}`,
  },
  controls: ['guardduty-enabled'],
  equivalents: {
    checkov: [],
    prowler: ['guardduty_eks_runtime_monitoring_enabled'],
    securityhub: ['GuardDuty.11'],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const enabled = featureEnabled(resource, ctx.graph, ['RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING']);
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled) return pass(`${resource.address}: Runtime Monitoring is enabled`);
    return fail(`${resource.address}: Runtime Monitoring is not enabled`);
  },
};

import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { TRAIL_TYPES } from './trail-types.js';

export const cloudtrailLogFileValidation: ResourceRule = {
  kind: 'resource',
  id: 'cloudtrail_log_file_validation',
  title: 'CloudTrail trails validate log file integrity',
  severity: 'medium',
  resourceTypes: TRAIL_TYPES,
  rationale:
    'Digest files signed by CloudTrail prove that audit logs were not altered or deleted after delivery, which is what makes them usable as evidence in an incident or audit.',
  remediation: {
    text: 'Enable log file validation.',
    cloudformation: `EnableLogFileValidation: true`,
    terraform: `enable_log_file_validation = true`,
  },
  controls: ['cloudtrail-multi-region-validated'],
  equivalents: {
    checkov: ['CKV_AWS_36'],
    prowler: ['cloudtrail_log_file_validation_enabled'],
    securityhub: ['CloudTrail.4'],
    cdknag: [
      'NIST.800.53.R5-CloudTrailLogFileValidationEnabled',
      'HIPAA.Security-CloudTrailLogFileValidationEnabled',
    ],
  },
  evaluate(resource) {
    const enabled = asBoolean(
      prop(resource, { cloudformation: 'EnableLogFileValidation', terraform: 'enable_log_file_validation' }),
    );
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: log file validation is enabled`);
    return fail(`${resource.address}: log file validation is off (the default)`);
  },
};

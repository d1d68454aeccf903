import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

export const kmsKeyRotationEnabled: ResourceRule = {
  kind: 'resource',
  id: 'kms_key_rotation_enabled',
  title: 'Customer managed symmetric KMS keys rotate automatically',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::KMS::Key'], terraform: ['aws_kms_key'] },
  rationale:
    'Keys that protect training data, model artifacts and logs live as long as the data. Automatic rotation limits how much ciphertext one key version protects and is required by most frameworks for long-lived keys.',
  remediation: {
    text: 'Enable automatic key rotation (yearly by default, or a custom period).',
    cloudformation: `EnableKeyRotation: true`,
    terraform: `enable_key_rotation = true`,
  },
  controls: ['kms-key-rotation-enabled'],
  equivalents: {
    checkov: ['CKV_AWS_7'],
    prowler: ['kms_cmk_rotation_enabled'],
    securityhub: ['KMS.4'],
    cdknag: [
      'AwsSolutions-KMS5',
      'NIST.800.53.R5-KMSBackingKeyRotationEnabled',
      'HIPAA.Security-KMSBackingKeyRotationEnabled',
    ],
  },
  evaluate(resource) {
    const spec = prop(resource, { cloudformation: 'KeySpec', terraform: 'customer_master_key_spec' });
    if (isUnknown(spec)) return unknown(`${resource.address}: cannot be decided statically: ${spec.reason}`);
    if (typeof spec === 'string' && spec !== 'SYMMETRIC_DEFAULT') {
      return notApplicable(`${resource.address}: ${spec} keys cannot rotate automatically`);
    }
    const usage = prop(resource, { cloudformation: 'KeyUsage', terraform: 'key_usage' });
    if (usage === 'GENERATE_VERIFY_MAC')
      return notApplicable(`${resource.address}: HMAC keys cannot rotate automatically`);
    const enabled = asBoolean(
      prop(resource, { cloudformation: 'EnableKeyRotation', terraform: 'enable_key_rotation' }),
    );
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: automatic rotation is enabled`);
    return fail(`${resource.address}: automatic rotation is off (the default)`);
  },
};

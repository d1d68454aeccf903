import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { notApplicable, unknown, type ResourceRule } from '../types.js';
import { cmkOutcome, effectiveBoolean, isSet } from './shared.js';

export const sagemakerEndpointConfigDataCaptureKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_endpoint_config_data_capture_kms_cmk',
  title: 'SageMaker endpoint data capture encrypts captured payloads with a customer managed KMS key',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::EndpointConfig'],
    terraform: ['aws_sagemaker_endpoint_configuration'],
  },
  rationale:
    'Captured payloads are copies of user prompts and model outputs, often with personal data. They should be readable only through a key the workload owner controls.',
  remediation: {
    text: 'Set DataCaptureConfig.KmsKeyId to a customer managed KMS key.',
    cloudformation: 'DataCaptureConfig:\n  EnableCapture: true\n  KmsKeyId: !Ref CaptureKey',
    terraform:
      'data_capture_config {\n  enable_capture = true\n  kms_key_id     = aws_kms_key.capture.arn\n}',
  },
  controls: ['invocation-log-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const config = prop(resource, { cloudformation: 'DataCaptureConfig', terraform: 'data_capture_config' });
    if (isUnknown(config))
      return unknown(`${resource.address}: data capture cannot be decided statically: ${config.reason}`);
    if (!isSet(config)) return notApplicable(`${resource.address} captures no inference data`);
    const enabled = effectiveBoolean(
      resource,
      { cloudformation: 'DataCaptureConfig.EnableCapture', terraform: 'data_capture_config.enable_capture' },
      true,
    );
    if (enabled === false) return notApplicable(`${resource.address} turns data capture off`);
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'DataCaptureConfig.KmsKeyId',
        terraform: 'data_capture_config.kms_key_id',
      }),
      'captured inference data',
    );
  },
};

import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { effectiveBoolean, isSet } from './shared.js';

export const sagemakerEndpointConfigDataCaptureEnabled: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_endpoint_config_data_capture_enabled',
  title: 'SageMaker endpoint configurations capture inference requests and responses',
  severity: 'low',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::EndpointConfig'],
    terraform: ['aws_sagemaker_endpoint_configuration'],
  },
  rationale:
    'Captured requests and responses are the evidence for model monitoring (data and model quality drift, bias) and for investigating abuse of an inference endpoint.',
  remediation: {
    text: 'Add DataCaptureConfig with EnableCapture true, an S3 destination and a KMS key.',
    cloudformation:
      'DataCaptureConfig:\n  EnableCapture: true\n  InitialSamplingPercentage: 100\n  DestinationS3Uri: !Sub "s3://${CaptureBucket}/capture"\n  KmsKeyId: !Ref CaptureKey\n  CaptureOptions:\n    - CaptureMode: Input\n    - CaptureMode: Output',
    terraform:
      'data_capture_config {\n  enable_capture              = true\n  initial_sampling_percentage = 100\n  destination_s3_uri          = "s3://${aws_s3_bucket.capture.bucket}/capture"\n  kms_key_id                  = aws_kms_key.capture.arn\n  capture_options { capture_mode = "Input" }\n  capture_options { capture_mode = "Output" }\n}',
  },
  controls: ['model-invocation-logging-enabled', 'model-monitoring-scheduled'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const config = prop(resource, { cloudformation: 'DataCaptureConfig', terraform: 'data_capture_config' });
    if (isUnknown(config))
      return unknown(`${resource.address}: data capture cannot be decided statically: ${config.reason}`);
    if (!isSet(config)) return fail(`${resource.address} has no data capture configuration`);
    const enabled = effectiveBoolean(
      resource,
      { cloudformation: 'DataCaptureConfig.EnableCapture', terraform: 'data_capture_config.enable_capture' },
      true,
    );
    if (isUnknown(enabled))
      return unknown(`${resource.address}: EnableCapture cannot be decided statically: ${enabled.reason}`);
    return enabled
      ? pass(`${resource.address} captures inference data`)
      : fail(`${resource.address} turns data capture off`);
  },
};

import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { notApplicable, unknown, type ResourceRule } from '../types.js';
import { cmkOutcome, isSet } from './shared.js';

export const sagemakerEndpointConfigAsyncOutputKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_endpoint_config_async_output_kms_cmk',
  title: 'SageMaker asynchronous inference encrypts its S3 results with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::EndpointConfig'],
    terraform: ['aws_sagemaker_endpoint_configuration'],
  },
  rationale:
    'Asynchronous inference writes every model response to S3; those objects are as sensitive as the responses themselves.',
  remediation: {
    text: 'Set AsyncInferenceConfig.OutputConfig.KmsKeyId to a customer managed KMS key.',
    cloudformation:
      'AsyncInferenceConfig:\n  OutputConfig:\n    S3OutputPath: !Sub "s3://${ResultsBucket}/async"\n    KmsKeyId: !Ref InferenceKey',
    terraform:
      'async_inference_config {\n  output_config {\n    s3_output_path = "s3://${aws_s3_bucket.results.bucket}/async"\n    kms_key_id     = aws_kms_key.inference.arn\n  }\n}',
  },
  controls: ['inference-endpoint-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const config = prop(resource, {
      cloudformation: 'AsyncInferenceConfig',
      terraform: 'async_inference_config',
    });
    if (isUnknown(config))
      return unknown(
        `${resource.address}: asynchronous inference cannot be decided statically: ${config.reason}`,
      );
    if (!isSet(config)) return notApplicable(`${resource.address} does not use asynchronous inference`);
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'AsyncInferenceConfig.OutputConfig.KmsKeyId',
        terraform: 'async_inference_config.output_config.kms_key_id',
      }),
      'asynchronous inference results',
    );
  },
};

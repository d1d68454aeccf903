import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { notApplicable, unknown, type ResourceRule } from '../types.js';
import { allVariantsServerless, asText, cmkOutcome, field, listOf } from './shared.js';

/**
 * Instance families whose only storage is local NVMe, encrypted by the instance hardware. SageMaker
 * rejects an endpoint configuration with KmsKeyId when any variant uses one.
 */
const LOCAL_STORAGE_FAMILY = /^(?:[a-z]+\d+[a-z]*d[a-z]*|g5|g6|g6e|p5|p5e|p5en)$/;

function localStorageVariant(resource: Parameters<ResourceRule['evaluate']>[0]): string | undefined {
  const variants = listOf(resource, {
    cloudformation: 'ProductionVariants',
    terraform: 'production_variants',
  });
  if (isUnknown(variants)) return undefined;
  for (const v of variants) {
    const type = asText(field(resource, v, { cloudformation: 'InstanceType', terraform: 'instance_type' }));
    const family = typeof type === 'string' ? /^ml\.([a-z0-9-]+)\./.exec(type)?.[1] : undefined;
    if (family && LOCAL_STORAGE_FAMILY.test(family) && typeof type === 'string') return type;
  }
  return undefined;
}

export const sagemakerEndpointConfigKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_endpoint_config_kms_cmk',
  title: 'SageMaker endpoint configurations encrypt the ML storage volume with a customer managed KMS key',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::EndpointConfig'],
    terraform: ['aws_sagemaker_endpoint_configuration'],
  },
  rationale:
    'Inference instances keep model weights and request payloads on their storage volume. A customer managed key lets the owner restrict and audit decryption of the deployed model.',
  remediation: {
    text: 'Set KmsKeyId (kms_key_arn in Terraform) to a customer managed KMS key. Instance types with only local NVMe storage are encrypted by hardware and reject a key.',
    cloudformation:
      'EndpointConfig:\n  Type: AWS::SageMaker::EndpointConfig\n  Properties:\n    KmsKeyId: !Ref InferenceKey',
    terraform:
      'resource "aws_sagemaker_endpoint_configuration" "ec" {\n  kms_key_arn = aws_kms_key.inference.arn\n}',
  },
  controls: ['inference-endpoint-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_98'],
    prowler: ['sagemaker_endpoint_config_kms_encryption_enabled'],
    securityhub: [],
    cdknag: [
      'HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured',
      'NIST.800.53.R4-SageMakerEndpointConfigurationKMSKeyConfigured',
      'NIST.800.53.R5-SageMakerEndpointConfigurationKMSKeyConfigured',
      'PCI.DSS.321-SageMakerEndpointConfigurationKMSKeyConfigured',
    ],
  },
  evaluate(resource, ctx) {
    const serverless = allVariantsServerless(resource);
    if (isUnknown(serverless))
      return unknown(`${resource.address}: production variants cannot be read: ${serverless.reason}`);
    if (serverless)
      return notApplicable(
        `${resource.address} has only serverless variants, which have no attachable storage volume`,
      );
    const local = localStorageVariant(resource);
    if (local)
      return notApplicable(
        `${resource.address} uses ${local}, whose local NVMe storage is encrypted by hardware and takes no KMS key`,
      );
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'KmsKeyId', terraform: 'kms_key_arn' }),
      'the endpoint storage volume',
    );
  },
};

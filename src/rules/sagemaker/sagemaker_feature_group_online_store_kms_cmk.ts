import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { notApplicable, unknown, type ResourceRule } from '../types.js';
import { asText, cmkOutcome, effectiveBoolean, isSet } from './shared.js';

export const sagemakerFeatureGroupOnlineStoreKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_feature_group_online_store_kms_cmk',
  title: 'SageMaker feature group online stores with standard storage use a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::FeatureGroup'],
    terraform: ['aws_sagemaker_feature_group'],
  },
  rationale:
    'The online store serves the latest feature values to inference at low latency; they are read by every model that uses the group.',
  remediation: {
    text: 'Set OnlineStoreConfig.SecurityConfig.KmsKeyId to a customer managed KMS key.',
    cloudformation:
      'OnlineStoreConfig:\n  EnableOnlineStore: true\n  SecurityConfig:\n    KmsKeyId: !Ref FeatureKey',
    terraform:
      'online_store_config {\n  enable_online_store = true\n  security_config {\n    kms_key_id = aws_kms_key.features.arn\n  }\n}',
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: ['SageMaker.18'], cdknag: [] },
  evaluate(resource, ctx) {
    const config = prop(resource, { cloudformation: 'OnlineStoreConfig', terraform: 'online_store_config' });
    if (isUnknown(config))
      return unknown(`${resource.address}: online store cannot be decided statically: ${config.reason}`);
    if (!isSet(config)) return notApplicable(`${resource.address} has no online store`);
    const enabled = effectiveBoolean(
      resource,
      {
        cloudformation: 'OnlineStoreConfig.EnableOnlineStore',
        terraform: 'online_store_config.enable_online_store',
      },
      false,
    );
    if (isUnknown(enabled))
      return unknown(
        `${resource.address}: EnableOnlineStore cannot be decided statically: ${enabled.reason}`,
      );
    if (!enabled) return notApplicable(`${resource.address} does not enable its online store`);
    const storage = asText(
      prop(resource, {
        cloudformation: 'OnlineStoreConfig.StorageType',
        terraform: 'online_store_config.storage_type',
      }),
    );
    if (storage === 'InMemory')
      return notApplicable(`${resource.address} uses in-memory online storage, which takes no KMS key`);
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'OnlineStoreConfig.SecurityConfig.KmsKeyId',
        terraform: 'online_store_config.security_config.kms_key_id',
      }),
      'the online feature store',
    );
  },
};

import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { notApplicable, unknown, type ResourceRule } from '../types.js';
import { cmkOutcome, isSet } from './shared.js';

export const sagemakerFeatureGroupOfflineStoreKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_feature_group_offline_store_kms_cmk',
  title: 'SageMaker feature group offline stores encrypt their S3 data with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::FeatureGroup'],
    terraform: ['aws_sagemaker_feature_group'],
  },
  rationale:
    'The offline store keeps the full history of features used for training, often derived from personal data.',
  remediation: {
    text: 'Set OfflineStoreConfig.S3StorageConfig.KmsKeyId to a customer managed KMS key.',
    cloudformation:
      'OfflineStoreConfig:\n  S3StorageConfig:\n    S3Uri: !Sub "s3://${FeatureBucket}/offline"\n    KmsKeyId: !Ref FeatureKey',
    terraform:
      'offline_store_config {\n  s3_storage_config {\n    s3_uri     = "s3://${aws_s3_bucket.features.bucket}/offline"\n    kms_key_id = aws_kms_key.features.arn\n  }\n}',
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: ['SageMaker.17'], cdknag: [] },
  evaluate(resource, ctx) {
    const config = prop(resource, {
      cloudformation: 'OfflineStoreConfig',
      terraform: 'offline_store_config',
    });
    if (isUnknown(config))
      return unknown(`${resource.address}: offline store cannot be decided statically: ${config.reason}`);
    if (!isSet(config)) return notApplicable(`${resource.address} has no offline store`);
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, {
        cloudformation: 'OfflineStoreConfig.S3StorageConfig.KmsKeyId',
        terraform: 'offline_store_config.s3_storage_config.kms_key_id',
      }),
      'the offline feature store',
    );
  },
};

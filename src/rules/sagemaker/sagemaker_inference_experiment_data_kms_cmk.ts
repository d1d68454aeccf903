import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { notApplicable, unknown, type ResourceRule } from '../types.js';
import { cmkOutcome, isSet } from './shared.js';

export const sagemakerInferenceExperimentDataKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_inference_experiment_data_kms_cmk',
  title:
    'SageMaker inference experiments encrypt captured request and response data with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::SageMaker::InferenceExperiment'], terraform: [] },
  rationale:
    "The experiment stores production requests and both variants' responses in S3 to compare them; they are copies of user data.",
  remediation: {
    text: 'Set DataStorageConfig.KmsKey to a customer managed KMS key.',
    cloudformation:
      'DataStorageConfig:\n  Destination: !Sub "s3://${ExperimentBucket}/data"\n  KmsKey: !GetAtt InferenceKey.Arn',
  },
  controls: ['invocation-log-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: ['SageMaker.24'], cdknag: [] },
  evaluate(resource, ctx) {
    const config = prop(resource, { cloudformation: 'DataStorageConfig' });
    if (isUnknown(config))
      return unknown(`${resource.address}: data storage cannot be decided statically: ${config.reason}`);
    if (!isSet(config)) return notApplicable(`${resource.address} stores no experiment data`);
    return cmkOutcome(
      resource,
      ctx,
      prop(resource, { cloudformation: 'DataStorageConfig.KmsKey' }),
      'experiment data',
    );
  },
};

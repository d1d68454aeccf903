import { getPath } from '../../resources/access.js';
import { Unknown } from '../../resources/types.js';
import type { ResourceRule } from '../types.js';
import {
  isPipelineExpression,
  judgeTrainingSteps,
  PIPELINE_RESOURCE_TYPES,
  type StepVerdict,
} from './pipeline.js';

function keyVerdict(job: unknown): StepVerdict {
  const missing: string[] = [];
  for (const key of ['ResourceConfig.VolumeKmsKeyId', 'OutputDataConfig.KmsKeyId']) {
    const value = getPath(job, key);
    if (isPipelineExpression(value)) return new Unknown(`${key} is a pipeline parameter or expression`);
    if (typeof value !== 'string' || value === '') missing.push(key);
    else if (/(^|:)alias\/aws\//.test(value)) missing.push(`${key} (AWS managed key)`);
  }
  return missing.length === 0 ? { ok: true } : { ok: false, why: `does not set ${missing.join(' and ')}` };
}

export const sagemakerPipelineTrainingKms: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_pipeline_training_kms',
  title:
    'SageMaker pipeline training steps encrypt the training volume and model output with a customer managed KMS key',
  severity: 'high',
  resourceTypes: PIPELINE_RESOURCE_TYPES,
  rationale:
    'The training volume holds the training set and checkpoints; the output is the trained model. Both need a key the owner controls.',
  remediation: {
    text: 'Set ResourceConfig.VolumeKmsKeyId and OutputDataConfig.KmsKeyId in every Training step.',
    cloudformation:
      '"Arguments": {"ResourceConfig": {"VolumeKmsKeyId": "<key arn>", ...}, "OutputDataConfig": {"KmsKeyId": "<key arn>", "S3OutputPath": "s3://..."}}',
    terraform:
      'Arguments = {\n  ResourceConfig   = { VolumeKmsKeyId = aws_kms_key.training.arn }\n  OutputDataConfig = { KmsKeyId = aws_kms_key.training.arn, S3OutputPath = "s3://..." }\n}',
  },
  controls: ['training-job-volume-cmk-encryption', 'model-artifact-cmk-encryption'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_training_jobs_volume_and_output_encryption_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    return judgeTrainingSteps(resource, 'customer managed volume and output encryption', keyVerdict);
  },
};

import { prop } from '../../resources/access.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { MONITORING_RESOURCE_TYPES, monitoringPaths } from './monitoring.js';
import { cmkOutcome, isSet } from './shared.js';

export const sagemakerMonitoringJobVolumeKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_monitoring_job_volume_kms_cmk',
  title: 'SageMaker model monitoring jobs encrypt their processing volume with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: MONITORING_RESOURCE_TYPES,
  rationale:
    'The processing instance volume holds the baseline and the captured inference data while a monitoring job runs.',
  remediation: {
    text: 'Set ClusterConfig.VolumeKmsKeyId to a customer managed KMS key.',
    cloudformation:
      'JobResources:\n  ClusterConfig:\n    InstanceCount: 1\n    InstanceType: ml.m5.large\n    VolumeSizeInGB: 20\n    VolumeKmsKeyId: !Ref MonitoringKey',
    terraform:
      'job_resources {\n  cluster_config {\n    instance_count    = 1\n    instance_type     = "ml.m5.large"\n    volume_size_in_gb = 20\n    volume_kms_key_id = aws_kms_key.monitoring.arn\n  }\n}',
  },
  controls: ['training-job-volume-cmk-encryption'],
  equivalents: { checkov: ['CKV_AWS_368'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const paths = monitoringPaths(resource);
    if (!paths || (paths.definition && !isSet(prop(resource, paths.definition)))) {
      return notApplicable(
        `${resource.address} refers to a job definition by name; that definition is checked itself`,
      );
    }
    return cmkOutcome(resource, ctx, prop(resource, paths.volumeKms), 'the monitoring job volume');
  },
};

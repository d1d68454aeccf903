import { prop } from '../../resources/access.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { MONITORING_RESOURCE_TYPES, monitoringPaths } from './monitoring.js';
import { cmkOutcome, isSet } from './shared.js';

export const sagemakerMonitoringJobOutputKmsCmk: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_monitoring_job_output_kms_cmk',
  title: 'SageMaker model monitoring jobs encrypt their S3 reports with a customer managed KMS key',
  severity: 'medium',
  resourceTypes: MONITORING_RESOURCE_TYPES,
  rationale:
    'Data quality, model quality, bias and explainability reports hold statistics, constraint violations and samples of captured inference data.',
  remediation: {
    text: 'Set the KmsKeyId of the job output configuration to a customer managed KMS key.',
    cloudformation:
      'DataQualityJobOutputConfig:\n  KmsKeyId: !Ref MonitoringKey\n  MonitoringOutputs:\n    - S3Output:\n        S3Uri: !Sub "s3://${ReportsBucket}/data-quality"\n        LocalPath: /opt/ml/processing/output',
    terraform: 'data_quality_job_output_config {\n  kms_key_id = aws_kms_key.monitoring.arn\n}',
  },
  controls: ['invocation-log-cmk-encryption'],
  equivalents: { checkov: ['CKV_AWS_367'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const paths = monitoringPaths(resource);
    if (!paths || (paths.definition && !isSet(prop(resource, paths.definition)))) {
      return notApplicable(
        `${resource.address} refers to a job definition by name; that definition is checked itself`,
      );
    }
    return cmkOutcome(resource, ctx, prop(resource, paths.outputKms), 'the monitoring job output');
  },
};

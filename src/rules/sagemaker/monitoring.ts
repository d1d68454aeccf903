import type { Resource } from '../../resources/types.js';
import type { Paths } from './shared.js';

/**
 * Where the four SageMaker model-monitor job definitions (and a monitoring schedule with an inline
 * definition) keep the settings the monitoring rules check. Terraform has only the data quality one.
 */
export interface MonitoringJobPaths {
  /** Path of the inline definition, or undefined when the whole resource is the definition. */
  definition?: Paths;
  outputKms: Paths;
  volumeKms: Paths;
  interContainerEncryption: Paths;
  networkIsolation: Paths;
}

function cfnJob(outputConfig: string): MonitoringJobPaths {
  return {
    outputKms: { cloudformation: `${outputConfig}.KmsKeyId` },
    volumeKms: { cloudformation: 'JobResources.ClusterConfig.VolumeKmsKeyId' },
    interContainerEncryption: { cloudformation: 'NetworkConfig.EnableInterContainerTrafficEncryption' },
    networkIsolation: { cloudformation: 'NetworkConfig.EnableNetworkIsolation' },
  };
}

const SCHEDULE = 'MonitoringScheduleConfig.MonitoringJobDefinition';

const PATHS: Record<string, MonitoringJobPaths> = {
  'AWS::SageMaker::DataQualityJobDefinition': cfnJob('DataQualityJobOutputConfig'),
  'AWS::SageMaker::ModelQualityJobDefinition': cfnJob('ModelQualityJobOutputConfig'),
  'AWS::SageMaker::ModelBiasJobDefinition': cfnJob('ModelBiasJobOutputConfig'),
  'AWS::SageMaker::ModelExplainabilityJobDefinition': cfnJob('ModelExplainabilityJobOutputConfig'),
  'AWS::SageMaker::MonitoringSchedule': {
    definition: { cloudformation: SCHEDULE },
    outputKms: { cloudformation: `${SCHEDULE}.MonitoringOutputConfig.KmsKeyId` },
    volumeKms: { cloudformation: `${SCHEDULE}.MonitoringResources.ClusterConfig.VolumeKmsKeyId` },
    interContainerEncryption: {
      cloudformation: `${SCHEDULE}.NetworkConfig.EnableInterContainerTrafficEncryption`,
    },
    networkIsolation: { cloudformation: `${SCHEDULE}.NetworkConfig.EnableNetworkIsolation` },
  },
  aws_sagemaker_data_quality_job_definition: {
    outputKms: { terraform: 'data_quality_job_output_config.kms_key_id' },
    volumeKms: { terraform: 'job_resources.cluster_config.volume_kms_key_id' },
    interContainerEncryption: { terraform: 'network_config.enable_inter_container_traffic_encryption' },
    networkIsolation: { terraform: 'network_config.enable_network_isolation' },
  },
};

export const MONITORING_RESOURCE_TYPES = {
  cloudformation: Object.keys(PATHS).filter((t) => t.startsWith('AWS::')),
  terraform: Object.keys(PATHS).filter((t) => !t.startsWith('AWS::')),
};

export function monitoringPaths(resource: Resource): MonitoringJobPaths | undefined {
  return PATHS[resource.type];
}

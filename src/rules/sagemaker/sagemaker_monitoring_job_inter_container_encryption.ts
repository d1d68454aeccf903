import { prop } from '../../resources/access.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { MONITORING_RESOURCE_TYPES, monitoringPaths } from './monitoring.js';
import { isSet, requireTrue } from './shared.js';

export const sagemakerMonitoringJobInterContainerEncryption: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_monitoring_job_inter_container_encryption',
  title: 'SageMaker model monitoring jobs encrypt traffic between their instances',
  severity: 'medium',
  resourceTypes: MONITORING_RESOURCE_TYPES,
  rationale:
    'Distributed monitoring jobs exchange captured inference data between instances; without encryption it crosses the network in clear text.',
  remediation: {
    text: 'Set NetworkConfig.EnableInterContainerTrafficEncryption to true.',
    cloudformation: 'NetworkConfig:\n  EnableInterContainerTrafficEncryption: true',
    terraform: 'network_config {\n  enable_inter_container_traffic_encryption = true\n}',
  },
  controls: ['inter-container-traffic-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_369'],
    prowler: [],
    securityhub: ['SageMaker.9', 'SageMaker.10', 'SageMaker.13', 'SageMaker.15', 'SageMaker.22'],
    cdknag: [],
  },
  evaluate(resource) {
    const paths = monitoringPaths(resource);
    if (!paths || (paths.definition && !isSet(prop(resource, paths.definition)))) {
      return notApplicable(
        `${resource.address} refers to a job definition by name; that definition is checked itself`,
      );
    }
    return requireTrue(resource, paths.interContainerEncryption, false, 'inter-container traffic encryption');
  },
};

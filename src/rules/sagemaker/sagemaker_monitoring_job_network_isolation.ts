import { prop } from '../../resources/access.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { MONITORING_RESOURCE_TYPES, monitoringPaths } from './monitoring.js';
import { isSet, requireTrue } from './shared.js';

export const sagemakerMonitoringJobNetworkIsolation: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_monitoring_job_network_isolation',
  title: 'SageMaker model monitoring jobs run with network isolation',
  severity: 'medium',
  resourceTypes: MONITORING_RESOURCE_TYPES,
  rationale:
    'Monitoring containers read captured inference data; network isolation stops a compromised or third-party container from sending it anywhere.',
  remediation: {
    text: 'Set NetworkConfig.EnableNetworkIsolation to true.',
    cloudformation: 'NetworkConfig:\n  EnableNetworkIsolation: true',
    terraform: 'network_config {\n  enable_network_isolation = true\n}',
  },
  controls: ['training-job-network-isolation'],
  equivalents: {
    checkov: [],
    prowler: [],
    securityhub: ['SageMaker.11', 'SageMaker.12', 'SageMaker.14', 'SageMaker.20', 'SageMaker.25'],
    cdknag: [],
  },
  evaluate(resource) {
    const paths = monitoringPaths(resource);
    if (!paths || (paths.definition && !isSet(prop(resource, paths.definition)))) {
      return notApplicable(
        `${resource.address} refers to a job definition by name; that definition is checked itself`,
      );
    }
    return requireTrue(resource, paths.networkIsolation, false, 'network isolation');
  },
};

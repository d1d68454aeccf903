import { asArray, asBoolean, getPath, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

const ATTRIBUTE = 'access_logs.s3.enabled';

export const elbLoadBalancerAccessLogging: ResourceRule = {
  kind: 'resource',
  id: 'elb_load_balancer_access_logging',
  title: 'Application and network load balancers write access logs',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    terraform: ['aws_lb', 'aws_alb'],
  },
  rationale:
    'Load balancer access logs record every request to the model API with client address, path, status and latency: the record you need to trace abuse of an inference endpoint.',
  remediation: {
    text: 'Enable access logs to an S3 bucket.',
    cloudformation: `LoadBalancerAttributes:
  - Key: access_logs.s3.enabled
    Value: 'true'
  - Key: access_logs.s3.bucket
    Value: !Ref AccessLogBucket`,
    terraform: `access_logs {
  bucket  = aws_s3_bucket.lb_logs.id
  enabled = true
}`,
  },
  controls: ['model-invocation-logging-enabled'],
  equivalents: {
    checkov: ['CKV_AWS_91'],
    prowler: ['elbv2_logging_enabled'],
    securityhub: ['ELB.5'],
    cdknag: ['AwsSolutions-ELB2', 'NIST.800.53.R5-ELBLoggingEnabled', 'HIPAA.Security-ELBLoggingEnabled'],
  },
  evaluate(resource) {
    let value: unknown;
    if (resource.source === 'cloudformation' || resource.source === 'cdk') {
      const attributes = resource.properties['LoadBalancerAttributes'];
      if (isUnknown(attributes))
        return unknown(`${resource.address}: cannot be decided statically: ${attributes.reason}`);
      const entry = asArray(attributes).find((a) => getPath(a, 'Key') === ATTRIBUTE);
      value = entry === undefined ? undefined : getPath(entry, 'Value');
    } else {
      const block = prop(resource, { terraform: 'access_logs' });
      // The provider's `enabled` defaults to false even when a bucket is given.
      value = block === undefined ? undefined : getPath(block, 'enabled');
    }
    const enabled = asBoolean(value);
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: access logs are written to S3`);
    return fail(`${resource.address}: access logging is off (the default)`);
  },
};

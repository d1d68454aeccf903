import { asArray, asBoolean, getPath, isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

const ATTRIBUTE = 'routing.http.drop_invalid_header_fields.enabled';

export const elbAlbDropsInvalidHeaders: ResourceRule = {
  kind: 'resource',
  id: 'elb_alb_drops_invalid_headers',
  title: 'Application load balancers drop invalid HTTP header fields',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    terraform: ['aws_lb', 'aws_alb'],
  },
  rationale:
    'Malformed headers are the raw material of HTTP request smuggling and desync attacks, which let a caller slip requests past the authorization and WAF in front of a model server.',
  remediation: {
    text: 'Enable the drop-invalid-header-fields attribute.',
    cloudformation: `LoadBalancerAttributes:
  - Key: routing.http.drop_invalid_header_fields.enabled
    Value: 'true'`,
    terraform: `drop_invalid_header_fields = true`,
  },
  controls: ['waf-on-ai-endpoints'],
  equivalents: {
    checkov: ['CKV_AWS_131'],
    prowler: ['elbv2_alb_drop_invalid_header_fields_enabled'],
    securityhub: ['ELB.4'],
    cdknag: [],
  },
  evaluate(resource) {
    const type = prop(resource, { cloudformation: 'Type', terraform: 'load_balancer_type' });
    if (isUnknown(type)) return unknown(`${resource.address}: cannot be decided statically: ${type.reason}`);
    if (typeof type === 'string' && type !== 'application')
      return notApplicable(`${resource.address}: a ${type} load balancer does not parse HTTP`);
    let value: unknown;
    if (resource.source === 'cloudformation' || resource.source === 'cdk') {
      const attributes = resource.properties['LoadBalancerAttributes'];
      if (isUnknown(attributes))
        return unknown(`${resource.address}: cannot be decided statically: ${attributes.reason}`);
      value = asArray(attributes).find((a) => getPath(a, 'Key') === ATTRIBUTE);
      value = value === undefined ? undefined : getPath(value, 'Value');
    } else value = resource.properties['drop_invalid_header_fields'];
    const enabled = asBoolean(value);
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: invalid header fields are dropped`);
    return fail(`${resource.address}: invalid header fields are forwarded (the default)`);
  },
};

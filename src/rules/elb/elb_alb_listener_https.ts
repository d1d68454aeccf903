import { asArray, getPath, isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

export const elbAlbListenerHttps: ResourceRule = {
  kind: 'resource',
  id: 'elb_alb_listener_https',
  title: 'Load balancer listeners use HTTPS/TLS or redirect HTTP to HTTPS',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::Listener'],
    terraform: ['aws_lb_listener', 'aws_alb_listener'],
  },
  rationale:
    'Prompts, completions and bearer tokens cross the load balancer in front of a model API. A plain HTTP listener sends them in clear text; the only acceptable HTTP listener is one that redirects to HTTPS.',
  remediation: {
    text: 'Serve HTTPS with an ACM certificate and a TLS 1.2+ policy, and make any HTTP listener redirect to HTTPS.',
    cloudformation: `Protocol: HTTP
Port: 80
DefaultActions:
  - Type: redirect
    RedirectConfig:
      Protocol: HTTPS
      Port: '443'
      StatusCode: HTTP_301`,
    terraform: `default_action {
  type = "redirect"
  redirect {
    port        = "443"
    protocol    = "HTTPS"
    status_code = "HTTP_301"
  }
}`,
  },
  controls: ['tls-on-public-ai-endpoints'],
  equivalents: {
    checkov: ['CKV_AWS_2', 'CKV_AWS_376'],
    prowler: ['elbv2_ssl_listeners'],
    securityhub: ['ELB.1'],
    cdknag: ['NIST.800.53.R5-ALBHttpToHttpsRedirection', 'HIPAA.Security-ALBHttpToHttpsRedirection'],
  },
  evaluate(resource) {
    const protocol = prop(resource, { cloudformation: 'Protocol', terraform: 'protocol' });
    if (isUnknown(protocol))
      return unknown(`${resource.address}: cannot be decided statically: ${protocol.reason}`);
    const p = typeof protocol === 'string' ? protocol.toUpperCase() : undefined;
    if (p === 'HTTPS' || p === 'TLS') return pass(`${resource.address}: listens with ${p}`);
    if (p === 'TCP' || p === 'UDP' || p === 'TCP_UDP' || p === 'GENEVE') {
      return notApplicable(
        `${resource.address}: a ${p} listener passes traffic through; TLS is the backend's job`,
      );
    }
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const actions = asArray(
      prop(resource, { cloudformation: 'DefaultActions', terraform: 'default_action' }),
    );
    for (const action of actions) {
      const type = getPath(action, cfn ? 'Type' : 'type');
      const target = getPath(action, cfn ? 'RedirectConfig.Protocol' : 'redirect.protocol');
      if (isUnknown(type))
        return unknown(`${resource.address}: cannot be decided statically: ${type.reason}`);
      if (isUnknown(target))
        return unknown(`${resource.address}: cannot be decided statically: ${target.reason}`);
      if (type === 'redirect' && target === 'HTTPS')
        return pass(`${resource.address}: HTTP is redirected to HTTPS`);
    }
    return fail(`${resource.address}: serves ${p ?? 'HTTP'} without redirecting to HTTPS`);
  },
};

import { isUnknown, prop } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { describeValue } from '../cloudtrail/references.js';

/** Security policy name prefixes that allow only TLS 1.2 and later. */
const TLS12_PREFIXES = [
  'ELBSecurityPolicy-TLS13-',
  'ELBSecurityPolicy-TLS-1-2',
  'ELBSecurityPolicy-FS-1-2',
  'ELBSecurityPolicy-TLS-1-3',
];

export const elbListenerTls12Policy: ResourceRule = {
  kind: 'resource',
  id: 'elb_listener_tls12_policy',
  title: 'HTTPS and TLS listeners use a security policy that allows only TLS 1.2 or later',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::ElasticLoadBalancingV2::Listener'],
    terraform: ['aws_lb_listener', 'aws_alb_listener'],
  },
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and are refused by current compliance baselines. A listener in front of a model API that still negotiates them protects prompts and tokens less than it appears to. Older API defaults (ELBSecurityPolicy-2016-08) allow TLS 1.0.',
  remediation: {
    text: 'Set a TLS 1.2+ security policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
    cloudformation: `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06`,
    terraform: `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"`,
  },
  controls: ['tls-on-public-ai-endpoints'],
  equivalents: {
    checkov: ['CKV_AWS_103'],
    prowler: ['elbv2_insecure_ssl_ciphers'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const protocol = prop(resource, { cloudformation: 'Protocol', terraform: 'protocol' });
    if (isUnknown(protocol))
      return unknown(`${resource.address}: cannot be decided statically: ${protocol.reason}`);
    const p = typeof protocol === 'string' ? protocol.toUpperCase() : undefined;
    if (p !== 'HTTPS' && p !== 'TLS') return notApplicable(`${resource.address}: does not terminate TLS`);
    const policy = prop(resource, { cloudformation: 'SslPolicy', terraform: 'ssl_policy' });
    if (isUnknown(policy))
      return unknown(`${resource.address}: cannot be decided statically: ${policy.reason}`);
    if (typeof policy === 'string' && TLS12_PREFIXES.some((prefix) => policy.startsWith(prefix))) {
      return pass(`${resource.address}: ${policy} allows TLS 1.2 or later only`);
    }
    if (policy === undefined)
      return fail(
        `${resource.address}: no security policy is set, so the API default applies (ELBSecurityPolicy-2016-08 allows TLS 1.0)`,
      );
    return fail(`${resource.address}: ${describeValue(policy)} allows protocols older than TLS 1.2`);
  },
};

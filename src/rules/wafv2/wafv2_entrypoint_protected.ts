import {
  isResourceRef,
  isUnknown,
  prop,
  type Resource,
  type ResourceGraph,
  type Unknown,
} from '../../resources/index.js';
import { addressesIn } from '../cloudtrail/references.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

const ASSOCIATION_TYPES = ['AWS::WAFv2::WebACLAssociation', 'aws_wafv2_web_acl_association'];

/** The web ACL association that protects `target`, an unresolved association that might, or neither. */
function association(target: Resource, graph: ResourceGraph): { found?: Resource; undecided?: Unknown } {
  const api = target.properties['RestApiId'] ?? target.properties['rest_api_id'];
  const apiAddress = isResourceRef(api) ? api.address : undefined;
  const stagesOfApi = apiAddress
    ? graph.byType('AWS::ApiGateway::Stage', 'aws_api_gateway_stage').filter((s) => {
        const a = s.properties['RestApiId'] ?? s.properties['rest_api_id'];
        return isResourceRef(a) && a.address === apiAddress;
      })
    : [];
  let undecided: Unknown | undefined;
  for (const assoc of graph.byType(...ASSOCIATION_TYPES)) {
    const arn = assoc.properties['ResourceArn'] ?? assoc.properties['resource_arn'];
    if (isUnknown(arn)) {
      undecided ??= arn;
      continue;
    }
    const refs = addressesIn(arn, graph);
    if (refs.has(target.address)) return { found: assoc };
    // An ARN built from the REST API id alone designates the stage when the API has a single stage.
    if (apiAddress && refs.has(apiAddress) && stagesOfApi.length === 1) return { found: assoc };
  }
  return undecided ? { undecided } : {};
}

export const wafv2EntrypointProtected: ResourceRule = {
  kind: 'resource',
  id: 'wafv2_entrypoint_protected',
  title:
    'API Gateway REST stages and internet-facing application load balancers are protected by a WAFv2 web ACL',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::ApiGateway::Stage', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    terraform: ['aws_api_gateway_stage', 'aws_lb', 'aws_alb'],
  },
  rationale:
    'The API stage or load balancer in front of a model is where abusive traffic arrives: bots scraping completions, floods that run up model cost, injection payloads and known-bad inputs. A WAF web ACL with rate-based and managed rules stops much of it before it reaches the model.',
  remediation: {
    text: 'Associate a WAFv2 web ACL (REGIONAL scope) with the stage or load balancer.',
    cloudformation: `ApiWafAssociation:
  Type: AWS::WAFv2::WebACLAssociation
  Properties:
    ResourceArn: !Sub 'arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Stage}'
    WebACLArn: !GetAtt WebAcl.Arn`,
    terraform: `resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.main.arn
}`,
  },
  controls: ['waf-on-ai-endpoints'],
  equivalents: {
    checkov: [],
    prowler: ['apigateway_restapi_waf_acl_attached', 'elbv2_waf_acl_attached'],
    securityhub: ['APIGateway.4'],
    cdknag: ['AwsSolutions-APIG3', 'NIST.800.53.R5-APIGWAssociatedWithWAF', 'NIST.800.53.R5-ALBWAFEnabled'],
  },
  evaluate(resource, ctx) {
    const lb = resource.type !== 'AWS::ApiGateway::Stage' && resource.type !== 'aws_api_gateway_stage';
    if (lb) {
      const type = prop(resource, { cloudformation: 'Type', terraform: 'load_balancer_type' });
      if (typeof type === 'string' && type !== 'application')
        return notApplicable(`${resource.address}: WAF attaches only to application load balancers`);
      const scheme = prop(resource, { cloudformation: 'Scheme' });
      const internal =
        resource.source === 'cloudformation' || resource.source === 'cdk'
          ? scheme === 'internal'
          : prop(resource, { terraform: 'internal' }) === true;
      if (internal)
        return notApplicable(`${resource.address}: an internal load balancer is not an internet entry point`);
    }
    const { found, undecided } = association(resource, ctx.graph);
    if (found) return pass(`${resource.address}: protected by the web ACL of ${found.address}`);
    if (undecided)
      return unknown(
        `${resource.address}: a web ACL association names a resource that cannot be resolved: ${undecided.reason}`,
      );
    return fail(`${resource.address}: no WAFv2 web ACL is associated`);
  },
};

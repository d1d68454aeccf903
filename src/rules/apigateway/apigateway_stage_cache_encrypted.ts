import { asBoolean, getPath, isUnknown, prop, type Unknown } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { REST_STAGE_TYPES, stageMethodSettings } from './apigateway-stage.js';

const METHOD_SETTINGS = 'aws_api_gateway_method_settings';

export const apigatewayStageCacheEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_stage_cache_encrypted',
  title: 'API Gateway REST stage caches are encrypted',
  severity: 'medium',
  resourceTypes: {
    cloudformation: REST_STAGE_TYPES.cloudformation,
    terraform: [...REST_STAGE_TYPES.terraform, METHOD_SETTINGS],
  },
  rationale:
    'A stage cache stores whole responses; in front of a model those are completions that can contain personal data or confidential context. Cache encryption is off by default.',
  remediation: {
    text: 'Encrypt cache data in the method settings of every cached method.',
    cloudformation: `MethodSettings:
  - ResourcePath: '/*'
    HttpMethod: '*'
    CachingEnabled: true
    CacheDataEncrypted: true`,
    terraform: `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    caching_enabled      = true
    cache_data_encrypted = true
  }
}`,
  },
  controls: ['inference-endpoint-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_308'],
    prowler: ['apigateway_restapi_cache_encrypted'],
    securityhub: ['APIGateway.5'],
    cdknag: ['NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'HIPAA.Security-APIGWCacheEnabledAndEncrypted'],
  },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    if (resource.type === METHOD_SETTINGS) {
      const stage = ctx.graph.deref(resource.properties['stage_name']);
      if (stage)
        return notApplicable(`${resource.address}: judged on the stage it configures, ${stage.address}`);
      const caching = asBoolean(getPath(resource.properties, 'settings.caching_enabled'));
      const encrypted = asBoolean(getPath(resource.properties, 'settings.cache_data_encrypted'));
      if (isUnknown(caching))
        return unknown(`${resource.address}: cannot be decided statically: ${caching.reason}`);
      if (caching !== true) return notApplicable(`${resource.address}: caching is not enabled`);
      if (isUnknown(encrypted))
        return unknown(`${resource.address}: cannot be decided statically: ${encrypted.reason}`);
      if (encrypted === true) return pass(`${resource.address}: cached responses are encrypted`);
      return fail(`${resource.address}: caching is enabled without encryption`);
    }
    const cluster = asBoolean(
      prop(resource, { cloudformation: 'CacheClusterEnabled', terraform: 'cache_cluster_enabled' }),
    );
    if (isUnknown(cluster))
      return unknown(`${resource.address}: cannot be decided statically: ${cluster.reason}`);
    const settings = stageMethodSettings(resource, ctx.graph);
    const unencrypted: string[] = [];
    let anyCaching = cluster === true;
    let anyEncrypted = false;
    let undecided: Unknown | undefined;
    for (const { origin, settings: s } of settings) {
      const caching = asBoolean(getPath(s, cfn ? 'CachingEnabled' : 'caching_enabled'));
      const encrypted = asBoolean(getPath(s, cfn ? 'CacheDataEncrypted' : 'cache_data_encrypted'));
      if (isUnknown(caching)) undecided ??= caching;
      if (isUnknown(encrypted)) undecided ??= encrypted;
      if (encrypted === true) anyEncrypted = true;
      if (caching === true) {
        anyCaching = true;
        if (encrypted !== true && !isUnknown(encrypted)) unencrypted.push(origin);
      }
    }
    if (!anyCaching)
      return undecided
        ? unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`)
        : notApplicable(`${resource.address}: no cache is enabled`);
    if (unencrypted.length > 0)
      return fail(`${resource.address}: caching is enabled without encryption in ${unencrypted.join(', ')}`);
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    if (!anyEncrypted)
      return fail(
        `${resource.address}: the stage cache is enabled but no method setting encrypts cache data`,
      );
    return pass(`${resource.address}: cached responses are encrypted`);
  },
};

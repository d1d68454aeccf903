import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { REST_STAGE_TYPES } from './apigateway-stage.js';

export const apigatewayStageClientCertificate: ResourceRule = {
  kind: 'resource',
  id: 'apigateway_stage_client_certificate',
  title: 'API Gateway REST stages present a client certificate to their backend',
  severity: 'medium',
  resourceTypes: REST_STAGE_TYPES,
  rationale:
    'When API Gateway proxies to an HTTP backend (a model server behind a load balancer), a client certificate lets the backend verify that requests come from the gateway and not from someone who found the backend directly, bypassing authorization and throttling.',
  remediation: {
    text: 'Create an API Gateway client certificate, set it on the stage and make the backend require it.',
    cloudformation: `ClientCertificateId: !Ref BackendClientCertificate`,
    terraform: `client_certificate_id = aws_api_gateway_client_certificate.backend.id`,
  },
  controls: ['tls-on-public-ai-endpoints'],
  equivalents: {
    checkov: [],
    prowler: ['apigateway_restapi_client_certificate_enabled'],
    securityhub: ['APIGateway.2'],
    cdknag: ['NIST.800.53.R5-APIGWSSLEnabled', 'HIPAA.Security-APIGWSSLEnabled'],
  },
  evaluate(resource) {
    const certificate = prop(resource, {
      cloudformation: 'ClientCertificateId',
      terraform: 'client_certificate_id',
    });
    if (isUnknown(certificate))
      return unknown(`${resource.address}: cannot be decided statically: ${certificate.reason}`);
    if (certificate !== undefined && certificate !== '')
      return pass(`${resource.address}: a client certificate is set for backend authentication`);
    return fail(
      `${resource.address}: no client certificate is set, so the backend cannot tell gateway traffic from direct calls`,
    );
  },
};

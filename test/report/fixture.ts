import type { AssessmentReport } from '../../src/assess/types.js';

const zero = { met: 0, applicable: 0 };

/** A small assessment built by hand: one control of each status, with real catalog ids so lookups work. */
export function fixtureReport(): AssessmentReport {
  return {
    version: '0.1.0',
    generatedAt: '2026-05-01T12:00:00.000Z',
    system: {
      name: 'support-bot',
      owner: 'ml-platform@example.com',
      scope: 3,
      scopeReason: 'declared scope: 3 (pre-trained model)',
      responsibility: { application: 'customer', model: 'aws' },
    },
    determinations: {
      regulations: [{ id: 'GDPR', triggers: ['dataSubjects.euResidents: true'] }],
      euAiActTier: 'limited',
      euAiActReason: 'Art. 50 transparency obligations: interacts with people',
      gpai: false,
    },
    phaseReached: 'none',
    layers: {
      infrastructure: {
        foundational: { met: 0, applicable: 1 },
        scaling: zero,
        industrialized: { met: 0, applicable: 1 },
      },
      'identity-data': {
        foundational: { met: 1, applicable: 1 },
        scaling: { met: 1, applicable: 1 },
        industrialized: zero,
      },
      'ai-application': { foundational: { met: 0, applicable: 1 }, scaling: zero, industrialized: zero },
    },
    didLayers: {
      '1': zero,
      '2': zero,
      '3': { met: 1, applicable: 3 },
      '4': zero,
      '5': zero,
      '6': zero,
      '7': { met: 1, applicable: 1 },
    },
    frameworks: {
      'nist-800-53-r5': { covered: 4, met: 2, total: 10 },
      gdpr: { covered: 1, met: 1, total: 5 },
    },
    owasp: { 'LLM01:2025': { met: 0, applicable: 1 }, 'LLM10:2025': { met: 0, applicable: 2 }, ASI01: zero },
    sections: {
      security: {
        met: 1,
        applicable: 3,
        controls: [
          'ai-api-authorizer-required',
          'shield-advanced-on-public-ai-endpoints',
          'cognito-user-pool-hardened',
        ],
      },
      compliance: { met: 1, applicable: 1, controls: ['data-classification-applied'] },
      identity: { ...zero, controls: [] },
    },
    controls: [
      {
        id: 'ai-api-authorizer-required',
        status: 'not-met',
        reason: '2 failing: AWS::ApiGateway::Method.Chat: authorization type is NONE',
        evidence: [
          {
            kind: 'scan',
            status: 'fail',
            message: 'authorization type is NONE <script>alert(1)</script>',
            ruleId: 'apigateway_method_authorized',
            resource: { address: 'AWS::ApiGateway::Method.Chat', file: 'infra/template.yaml', line: 42 },
          },
          {
            kind: 'scan',
            status: 'fail',
            message: 'authorization type is NONE',
            ruleId: 'apigateway_method_authorized',
            resource: { address: 'aws_api_gateway_method.chat', file: 'infra/main.tf', line: 7 },
          },
        ],
      },
      {
        id: 'data-classification-applied',
        status: 'met',
        reason: 'every dataset in aigis.yaml has a classification',
        evidence: [
          {
            kind: 'governance',
            status: 'pass',
            message: 'datasets classified',
            file: 'aigis.yaml',
            line: 12,
            field: 'datasets',
          },
        ],
      },
      {
        id: 'shield-advanced-on-public-ai-endpoints',
        status: 'unknown',
        reason: 'nothing shows it yet: attest it in aigis.yaml',
        evidence: [],
      },
      {
        id: 'cognito-user-pool-hardened',
        status: 'attested',
        reason: 'attested by security@example.com until 2027-01-01',
        evidence: [
          {
            kind: 'attestation',
            status: 'pass',
            message: 'MFA enforced in the IdP',
            file: 'aigis.yaml',
            field: 'attestations[0]',
          },
        ],
      },
      {
        id: 'function-url-auth-required',
        status: 'not-applicable',
        reason: 'no Lambda function URL in the infrastructure',
        evidence: [],
      },
    ],
    remediation: [
      {
        control: 'ai-api-authorizer-required',
        title: 'APIs in front of models require an authorizer (Cognito, IAM or a custom authorizer)',
        status: 'not-met',
        severity: 'high',
        phase: 'foundational',
        remediation: 'Set AuthorizationType to COGNITO_USER_POOLS, AWS_IAM or CUSTOM.',
        findings: [
          {
            ruleId: 'apigateway_method_authorized',
            address: 'AWS::ApiGateway::Method.Chat',
            file: 'infra/template.yaml',
            line: 42,
          },
          {
            ruleId: 'apigateway_method_authorized',
            address: 'aws_api_gateway_method.chat',
            file: 'infra/main.tf',
            line: 7,
          },
        ],
      },
      {
        control: 'shield-advanced-on-public-ai-endpoints',
        title: 'Public AI endpoints are protected against DDoS with AWS Shield Advanced',
        status: 'unknown',
        severity: 'low',
        phase: 'industrialized',
        remediation: 'Subscribe to Shield Advanced.',
        findings: [],
      },
    ],
    warnings: ['attestation of x expired'],
    errors: [],
    inputs: ['aigis.yaml', 'infra/template.yaml'],
  };
}

import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { LAMBDA_FUNCTION_TYPES } from './lambda-types.js';

export const lambdaFunctionReservedConcurrency: ResourceRule = {
  kind: 'resource',
  id: 'lambda_function_reserved_concurrency',
  title: 'Lambda functions set a reserved concurrency limit',
  severity: 'low',
  resourceTypes: LAMBDA_FUNCTION_TYPES,
  rationale:
    'A function that calls a model is a cost and quota amplifier: a burst of requests (or a runaway agent loop) turns into as many model invocations as the account concurrency allows. A reserved concurrency caps that and keeps one function from starving the others (OWASP LLM10, unbounded consumption).',
  remediation: {
    text: 'Set reserved concurrent executions to the highest load you expect.',
    cloudformation: `ReservedConcurrentExecutions: 20`,
    terraform: `reserved_concurrent_executions = 20`,
  },
  controls: ['rate-and-token-limits', 'agent-iteration-and-budget-limits'],
  equivalents: {
    checkov: ['CKV_AWS_115'],
    prowler: [],
    securityhub: [],
    cdknag: ['NIST.800.53.R5-LambdaConcurrency', 'HIPAA.Security-LambdaConcurrency'],
  },
  evaluate(resource) {
    const value = prop(resource, {
      cloudformation: 'ReservedConcurrentExecutions',
      terraform: 'reserved_concurrent_executions',
    });
    if (isUnknown(value))
      return unknown(`${resource.address}: cannot be decided statically: ${value.reason}`);
    const limit = typeof value === 'string' ? Number(value) : value;
    // Terraform writes -1 for "no reservation".
    if (typeof limit === 'number' && Number.isFinite(limit) && limit >= 0) {
      return pass(`${resource.address}: reserved concurrency is ${limit}`);
    }
    return fail(`${resource.address}: no reserved concurrency limit is set`);
  },
};

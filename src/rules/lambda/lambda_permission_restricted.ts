import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const lambdaPermissionRestricted: ResourceRule = {
  kind: 'resource',
  id: 'lambda_permission_restricted',
  title: 'Lambda permissions do not let everyone invoke a function, and scope service principals to a source',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::Lambda::Permission'], terraform: ['aws_lambda_permission'] },
  rationale:
    'A resource policy with Principal "*" makes the function, often a thin wrapper around a model, callable by any AWS account. A service principal (s3, sns, events, apigateway) without SourceArn or SourceAccount lets that service invoke the function on behalf of other customers (confused deputy).',
  remediation: {
    text: 'Name the calling account or service, and add SourceArn (and SourceAccount) for service principals.',
    cloudformation: `Principal: apigateway.amazonaws.com
SourceArn: !Sub 'arn:aws:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${Api}/*'`,
    terraform: `principal  = "apigateway.amazonaws.com"
source_arn = "\${aws_api_gateway_rest_api.api.execution_arn}/*"`,
  },
  controls: ['ai-roles-least-privilege', 'cross-account-model-sharing-controlled'],
  equivalents: {
    checkov: ['CKV_AWS_301', 'CKV_AWS_364'],
    prowler: ['awslambda_function_not_publicly_accessible'],
    securityhub: ['Lambda.1'],
    cdknag: [],
  },
  evaluate(resource) {
    const principal = prop(resource, { cloudformation: 'Principal', terraform: 'principal' });
    if (isUnknown(principal))
      return unknown(`${resource.address}: cannot be decided statically: ${principal.reason}`);
    const sourceArn = prop(resource, { cloudformation: 'SourceArn', terraform: 'source_arn' });
    const sourceAccount = prop(resource, { cloudformation: 'SourceAccount', terraform: 'source_account' });
    const orgId = prop(resource, { cloudformation: 'PrincipalOrgID', terraform: 'principal_org_id' });
    const scoped = [sourceArn, sourceAccount, orgId].some((v) => v !== undefined && v !== '');
    if (principal === '*') {
      return scoped
        ? pass(`${resource.address}: "*" is narrowed by a source or organization condition`)
        : fail(`${resource.address}: lets every AWS principal invoke the function`);
    }
    if (typeof principal === 'string' && principal.endsWith('.amazonaws.com') && !scoped) {
      return fail(
        `${resource.address}: lets ${principal} invoke the function for any source (no SourceArn or SourceAccount)`,
      );
    }
    return pass(
      `${resource.address}: invocation is limited to ${typeof principal === 'string' ? principal : 'a named principal'}`,
    );
  },
};

import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from './shared.js';

export const sagemakerDomainSsoAuth: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_domain_sso_auth',
  title: 'SageMaker domains authenticate users through IAM Identity Center',
  severity: 'medium',
  resourceTypes: { cloudformation: ['AWS::SageMaker::Domain'], terraform: ['aws_sagemaker_domain'] },
  rationale:
    "In IAM mode anyone with sagemaker:CreatePresignedDomainUrl can open any user profile; Identity Center ties each Studio session to a person and the organisation's sign-in and MFA.",
  remediation: {
    text: 'Set AuthMode to SSO (this can only be chosen when the domain is created).',
    cloudformation: 'Domain:\n  Type: AWS::SageMaker::Domain\n  Properties:\n    AuthMode: SSO',
    terraform: 'resource "aws_sagemaker_domain" "studio" {\n  auth_mode = "SSO"\n}',
  },
  controls: ['sso-for-ml-studio'],
  equivalents: { checkov: [], prowler: ['sagemaker_domain_sso_configured'], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const value = asText(prop(resource, { cloudformation: 'AuthMode', terraform: 'auth_mode' }));
    if (isUnknown(value))
      return unknown(`${resource.address}: auth mode cannot be decided statically: ${value.reason}`);
    if (value?.toUpperCase() === 'SSO')
      return pass(`${resource.address} authenticates users through IAM Identity Center`);
    return fail(`${resource.address} uses auth mode ${value ?? '(unset)'} instead of SSO`);
  },
};

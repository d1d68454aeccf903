import { isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

export const iamNoLongTermAccessKeys: ResourceRule = {
  kind: 'resource',
  id: 'iam_no_long_term_access_keys',
  title: 'No IAM access keys (long-term credentials) are created',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::IAM::AccessKey'], terraform: ['aws_iam_access_key'] },
  rationale:
    'Access keys never expire. Keys created by a template end up in stack outputs, Terraform state, notebooks and CI variables, where they leak; a leaked key with model access is a direct path to LLM jacking. Workloads and people should use roles and short-term credentials.',
  remediation: {
    text: 'Remove the access key; give workloads a role (instance profile, task role, IRSA, OIDC federation for CI) and people IAM Identity Center.',
    cloudformation: `# Remove the AWS::IAM::AccessKey resource and assume a role instead`,
    terraform: `# Remove aws_iam_access_key; use an OIDC provider and aws_iam_role for CI`,
  },
  controls: ['short-term-credentials-only'],
  equivalents: {
    checkov: [],
    prowler: ['iam_user_with_temporary_credentials', 'iam_rotate_access_key_90_days'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const status = prop(resource, { cloudformation: 'Status', terraform: 'status' });
    if (isUnknown(status))
      return unknown(`${resource.address}: cannot be decided statically: ${status.reason}`);
    if (status === 'Inactive') return pass(`${resource.address}: the access key is created inactive`);
    return fail(`${resource.address}: creates a long-term access key`);
  },
};

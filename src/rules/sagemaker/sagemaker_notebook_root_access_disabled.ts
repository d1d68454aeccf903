import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from './shared.js';

export const sagemakerNotebookRootAccessDisabled: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_root_access_disabled',
  title: 'SageMaker notebook instances disable root access for users',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    "With root access a notebook user can change the instance, install anything and read every file, including other users' data and the instance role credentials. AWS enables root access unless RootAccess is Disabled.",
  remediation: {
    text: 'Set RootAccess to Disabled; run setup that needs root in a lifecycle configuration, which still runs as root.',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    RootAccess: Disabled',
    terraform: 'resource "aws_sagemaker_notebook_instance" "nb" {\n  root_access = "Disabled"\n}',
  },
  controls: ['notebook-root-access-disabled'],
  equivalents: {
    checkov: ['CKV_AWS_307'],
    prowler: ['sagemaker_notebook_instance_root_access_disabled'],
    securityhub: ['SageMaker.3'],
    cdknag: [],
  },
  evaluate(resource) {
    const value = asText(prop(resource, { cloudformation: 'RootAccess', terraform: 'root_access' }));
    if (isUnknown(value))
      return unknown(`${resource.address}: root access cannot be decided statically: ${value.reason}`);
    if (value === undefined)
      return fail(`${resource.address} does not set root access, which defaults to Enabled`);
    if (value.toLowerCase() === 'disabled') return pass(`${resource.address} disables root access`);
    return fail(`${resource.address} has root access ${value}`);
  },
};

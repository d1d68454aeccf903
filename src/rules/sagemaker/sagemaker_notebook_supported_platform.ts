import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from './shared.js';

/** Platforms past end of support: Amazon Linux 1 and the first Amazon Linux 2 / JupyterLab 1 image. */
const UNSUPPORTED_PLATFORMS = new Set(['notebook-al1-v1', 'notebook-al2-v1']);

export const sagemakerNotebookSupportedPlatform: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_supported_platform',
  title: 'SageMaker notebook instances run on a supported platform',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    'Platforms past end of support (Amazon Linux 1, notebook-al2-v1) no longer get security patches for the OS, Jupyter or the bundled frameworks.',
  remediation: {
    text: 'Set PlatformIdentifier to a supported platform such as notebook-al2023-v1, or leave it unset to get the current default.',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    PlatformIdentifier: notebook-al2023-v1',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "nb" {\n  platform_identifier = "notebook-al2023-v1"\n}',
  },
  controls: ['notebook-platform-current'],
  equivalents: { checkov: [], prowler: [], securityhub: ['SageMaker.8'], cdknag: [] },
  evaluate(resource) {
    const value = asText(
      prop(resource, { cloudformation: 'PlatformIdentifier', terraform: 'platform_identifier' }),
    );
    if (isUnknown(value))
      return unknown(`${resource.address}: platform cannot be decided statically: ${value.reason}`);
    if (value === undefined) return pass(`${resource.address} uses the default platform, which is supported`);
    if (UNSUPPORTED_PLATFORMS.has(value.trim()))
      return fail(`${resource.address} runs on ${value}, which is past end of support`);
    return pass(`${resource.address} runs on ${value}`);
  },
};

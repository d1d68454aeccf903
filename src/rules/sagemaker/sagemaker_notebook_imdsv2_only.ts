import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from './shared.js';

export const sagemakerNotebookImdsv2Only: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_imdsv2_only',
  title: 'SageMaker notebook instances allow only IMDSv2',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    'IMDSv1 answers plain GET requests, so a server-side request forgery in notebook code or a package can read the instance role credentials. IMDSv2 needs a session token.',
  remediation: {
    text: 'Set the minimum instance metadata service version to 2.',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    InstanceMetadataServiceConfiguration:\n      MinimumInstanceMetadataServiceVersion: "2"',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "nb" {\n  instance_metadata_service_configuration {\n    minimum_instance_metadata_service_version = "2"\n  }\n}',
  },
  controls: ['imdsv2-required'],
  equivalents: { checkov: ['CKV_AWS_371'], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const value = asText(
      prop(resource, {
        cloudformation: 'InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion',
        terraform: 'instance_metadata_service_configuration.minimum_instance_metadata_service_version',
      }),
    );
    if (isUnknown(value))
      return unknown(`${resource.address}: IMDS version cannot be decided statically: ${value.reason}`);
    if (value === undefined)
      return fail(`${resource.address} does not set a minimum IMDS version, so IMDSv1 stays allowed`);
    if (value.trim() === '2') return pass(`${resource.address} allows only IMDSv2`);
    return fail(`${resource.address} allows IMDS version ${value}`);
  },
};

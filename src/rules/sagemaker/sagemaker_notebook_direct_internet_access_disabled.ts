import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { asText } from './shared.js';

export const sagemakerNotebookDirectInternetAccessDisabled: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_direct_internet_access_disabled',
  title: 'SageMaker notebook instances disable direct internet access',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    'With direct internet access the notebook reaches the internet outside the VPC, so data can leave without passing the VPC controls (security groups, endpoints, network firewall). AWS enables it unless it is set to Disabled, and Disabled needs a subnet.',
  remediation: {
    text: 'Place the notebook in a private subnet and set DirectInternetAccess to Disabled; reach AWS services through VPC endpoints.',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    SubnetId: !Ref PrivateSubnet\n    SecurityGroupIds: [!Ref NotebookSg]\n    DirectInternetAccess: Disabled',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "nb" {\n  subnet_id              = aws_subnet.private.id\n  security_groups        = [aws_security_group.nb.id]\n  direct_internet_access = "Disabled"\n}',
  },
  controls: ['notebook-direct-internet-disabled', 'egress-filtering-for-ai-workloads'],
  equivalents: {
    checkov: ['CKV_AWS_122'],
    prowler: ['sagemaker_notebook_instance_without_direct_internet_access_configured'],
    securityhub: ['SageMaker.1'],
    cdknag: [
      'AwsSolutions-SM3',
      'HIPAA.Security-SageMakerNotebookNoDirectInternetAccess',
      'NIST.800.53.R4-SageMakerNotebookNoDirectInternetAccess',
      'NIST.800.53.R5-SageMakerNotebookNoDirectInternetAccess',
      'PCI.DSS.321-SageMakerNotebookNoDirectInternetAccess',
    ],
  },
  evaluate(resource) {
    const value = asText(
      prop(resource, { cloudformation: 'DirectInternetAccess', terraform: 'direct_internet_access' }),
    );
    if (isUnknown(value))
      return unknown(
        `${resource.address}: direct internet access cannot be decided statically: ${value.reason}`,
      );
    if (value === undefined)
      return fail(`${resource.address} does not set direct internet access, which defaults to Enabled`);
    if (value.toLowerCase() === 'disabled')
      return pass(`${resource.address} disables direct internet access`);
    return fail(`${resource.address} has direct internet access ${value}`);
  },
};

import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { isSet } from './shared.js';

export const sagemakerNotebookInVpc: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_in_vpc',
  title: 'SageMaker notebook instances are launched in a custom VPC subnet',
  severity: 'high',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::NotebookInstance'],
    terraform: ['aws_sagemaker_notebook_instance'],
  },
  rationale:
    'A notebook without a subnet runs in a SageMaker-managed network that the customer cannot filter or log. In a customer subnet, security groups, flow logs and VPC endpoints apply.',
  remediation: {
    text: 'Set SubnetId (and security groups) to a subnet of a VPC you manage.',
    cloudformation:
      'Notebook:\n  Type: AWS::SageMaker::NotebookInstance\n  Properties:\n    SubnetId: !Ref PrivateSubnet\n    SecurityGroupIds: [!Ref NotebookSg]',
    terraform:
      'resource "aws_sagemaker_notebook_instance" "nb" {\n  subnet_id       = aws_subnet.private.id\n  security_groups = [aws_security_group.nb.id]\n}',
  },
  controls: ['notebook-in-vpc'],
  equivalents: {
    checkov: ['CKV_AWS_306'],
    prowler: ['sagemaker_notebook_instance_vpc_settings_configured'],
    securityhub: ['SageMaker.2'],
    cdknag: ['AwsSolutions-SM1'],
  },
  evaluate(resource) {
    const subnet = prop(resource, { cloudformation: 'SubnetId', terraform: 'subnet_id' });
    if (isUnknown(subnet))
      return unknown(`${resource.address}: subnet cannot be decided statically: ${subnet.reason}`);
    if (isSet(subnet)) return pass(`${resource.address} runs in a customer VPC subnet`);
    return fail(`${resource.address} sets no subnet, so it runs outside any customer VPC`);
  },
};

import { prop } from '../../resources/index.js';
import type { ResourceRule } from '../types.js';
import { metadataOptionsOutcome } from './metadata-options.js';

export const ec2LaunchTemplateImdsv2Required: ResourceRule = {
  kind: 'resource',
  id: 'ec2_launch_template_imdsv2_required',
  title: 'EC2 launch templates require IMDSv2',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::EC2::LaunchTemplate'], terraform: ['aws_launch_template'] },
  rationale:
    'With IMDSv1 a server-side request forgery in a model server, notebook or agent tool returns the instance role credentials in one GET. IMDSv2 requires a session token obtained with a PUT, which such requests cannot send.',
  remediation: {
    text: 'Set the metadata options to require session tokens (and a hop limit of 1 unless containers need 2).',
    cloudformation: `LaunchTemplateData:
  MetadataOptions:
    HttpTokens: required
    HttpPutResponseHopLimit: 1`,
    terraform: `metadata_options {
  http_endpoint               = "enabled"
  http_tokens                 = "required"
  http_put_response_hop_limit = 1
}`,
  },
  controls: ['imdsv2-required'],
  equivalents: {
    checkov: ['CKV_AWS_79'],
    prowler: ['ec2_launch_template_imdsv2_required'],
    securityhub: ['EC2.170'],
    cdknag: [],
  },
  evaluate(resource) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const options = prop(resource, {
      cloudformation: 'LaunchTemplateData.MetadataOptions',
      terraform: 'metadata_options',
    });
    return metadataOptionsOutcome(resource.address, options, cfn);
  },
};

import { getPath, isUnknown, prop } from '../../resources/index.js';
import { unknown, type ResourceRule } from '../types.js';
import { metadataOptionsOutcome } from './metadata-options.js';
import { describeValue } from '../cloudtrail/references.js';

export const ec2InstanceImdsv2Required: ResourceRule = {
  kind: 'resource',
  id: 'ec2_instance_imdsv2_required',
  title: 'EC2 instances require IMDSv2',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::EC2::Instance'], terraform: ['aws_instance'] },
  rationale:
    'GPU instances that serve or train models carry roles with access to training data and model registries. With IMDSv1 a server-side request forgery returns those credentials; IMDSv2 session tokens stop that.',
  remediation: {
    text: 'Require IMDSv2 in the instance metadata options, or launch the instance from a launch template that does.',
    cloudformation: `LaunchTemplate:
  LaunchTemplateId: !Ref Imdsv2LaunchTemplate
  Version: !GetAtt Imdsv2LaunchTemplate.LatestVersionNumber`,
    terraform: `metadata_options {
  http_tokens = "required"
}`,
  },
  controls: ['imdsv2-required'],
  equivalents: {
    checkov: ['CKV_AWS_79'],
    prowler: ['ec2_instance_imdsv2_enabled'],
    securityhub: ['EC2.8'],
    cdknag: ['NIST.800.53.R5-EC2IMDSv2Enabled', 'HIPAA.Security-EC2IMDSv2Enabled'],
  },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const own = prop(resource, { cloudformation: 'MetadataOptions', terraform: 'metadata_options' });
    if (own !== undefined) return metadataOptionsOutcome(resource.address, own, cfn);
    const templateRef =
      prop(resource, {
        cloudformation: 'LaunchTemplate.LaunchTemplateId',
        terraform: 'launch_template.id',
      }) ??
      prop(resource, {
        cloudformation: 'LaunchTemplate.LaunchTemplateName',
        terraform: 'launch_template.name',
      });
    if (templateRef !== undefined) {
      if (isUnknown(templateRef))
        return unknown(`${resource.address}: cannot be decided statically: ${templateRef.reason}`);
      const template = ctx.graph.deref(templateRef);
      if (!template)
        return unknown(
          `${resource.address}: launch template ${describeValue(templateRef)} is not in the scanned files`,
        );
      const options = getPath(
        template.properties,
        cfn ? 'LaunchTemplateData.MetadataOptions' : 'metadata_options',
      );
      return metadataOptionsOutcome(`${resource.address} (through ${template.address})`, options, cfn);
    }
    return metadataOptionsOutcome(resource.address, undefined, cfn);
  },
};

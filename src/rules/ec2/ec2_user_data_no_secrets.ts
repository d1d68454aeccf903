import { prop } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { scanScripts } from '../secrets/hardcoded-secrets.js';

export const ec2UserDataNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'ec2_user_data_no_secrets',
  title: 'EC2 instance, launch template and launch configuration user data holds no hard-coded secrets',
  severity: 'high',
  resourceTypes: {
    cloudformation: [
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
      'AWS::AutoScaling::LaunchConfiguration',
    ],
    terraform: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  },
  rationale:
    'GPU inference and training hosts are often bootstrapped with user data that exports model-hub tokens, provider API keys or database passwords. User data is stored unencrypted, returned by DescribeInstanceAttribute and readable from the instance metadata service by every process on the host.',
  remediation: {
    text: 'Fetch secrets at boot from AWS Secrets Manager or SSM Parameter Store with the instance role (for example `aws secretsmanager get-secret-value`), keep only their names in user data, and rotate any key that was committed.',
    cloudformation: `UserData: !Base64 |
  #!/bin/bash
  export HF_TOKEN=$(aws secretsmanager get-secret-value --secret-id hf-token --query SecretString --output text)`,
    terraform: `user_data = <<-EOT
  #!/bin/bash
  export HF_TOKEN=$(aws secretsmanager get-secret-value --secret-id hf-token --query SecretString --output text)
EOT`,
  },
  controls: ['no-secrets-in-ai-code-and-config', 'short-term-credentials-only'],
  equivalents: {
    checkov: ['CKV_AWS_46'],
    prowler: [
      'ec2_instance_secrets_user_data',
      'ec2_launch_template_no_secrets',
      'autoscaling_find_secrets_ec2_launch_configuration',
    ],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const scripts: Array<[string, unknown]> = [];
    if (resource.type === 'AWS::EC2::LaunchTemplate')
      scripts.push(['user data', prop(resource, { cloudformation: 'LaunchTemplateData.UserData' })]);
    else {
      const p = resource.properties;
      scripts.push(['user data', p['UserData'] ?? p['user_data']]);
      scripts.push(['user data', p['user_data_base64']]);
    }
    const present = scripts.filter(([, v]) => v !== undefined && v !== null && v !== '');
    if (present.length === 0) return notApplicable(`${resource.address}: has no user data`);
    return scanScripts(resource, present, 'user data');
  },
};

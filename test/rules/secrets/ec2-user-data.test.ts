import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ec2UserDataNoSecrets } from '../../../src/rules/ec2/ec2_user_data_no_secrets.js';
import { evaluateRuleOn } from '../../helpers/evaluate.js';
import { runRuleCases } from '../sagemaker/cases.js';
import { ALL_SECRETS, AWS_ACCESS_KEY_ID, b64, DB_PASSWORD, HF_TOKEN } from './fixtures.js';

const rule = ec2UserDataNoSecrets;

const statusByAddress = (outcomes: Array<{ address: string; status: string }>): Record<string, string> =>
  Object.fromEntries(outcomes.map((o) => [o.address, o.status]));

const noSecretShown = (message: string): void => {
  for (const secret of ALL_SECRETS) expect(message).not.toContain(secret);
};

const cfn = (resources: string): string => `Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
${resources}`;

const instance = (userData: string): string =>
  cfn(`  Gpu:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: g5.xlarge
${userData}`);

describe('ec2_user_data_no_secrets on CloudFormation', () => {
  it('fails on a key exported in !Base64 user data, with the line', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      instance(`      UserData: !Base64 |
        #!/bin/bash
        export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}
        python3 -m vllm.entrypoints.openai.api_server`),
      'cloudformation',
    );
    expect(outcome).toMatchObject({ address: 'AWS::EC2::Instance.Gpu', status: 'fail' });
    expect(outcome!.message).toContain('user data line 2: aws-access-token (AKIA…)');
    noSecretShown(outcome!.message);
  });

  it('decodes literal base64 and gzip+base64 user data', async () => {
    const script = `#!/bin/bash\nhuggingface-cli login --token ${HF_TOKEN}\n`;
    for (const encoded of [b64(script), gzipSync(Buffer.from(script)).toString('base64')]) {
      const [outcome] = await evaluateRuleOn(rule, instance(`      UserData: ${encoded}`), 'cloudformation');
      expect(outcome!.status).toBe('fail');
      expect(outcome!.message).toContain('huggingface-access-token');
      noSecretShown(outcome!.message);
    }
  });

  it('fails on a password in a launch template and in a launch configuration', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      cfn(`  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData:
          Fn::Base64: !Sub |
            #!/bin/bash
            export DB_PASSWORD='${DB_PASSWORD}'
            echo \${AWS::Region}
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-12345678
      InstanceType: g5.xlarge
      UserData: !Base64 "export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}"`),
      'cloudformation',
    );
    expect(statusByAddress(outcomes)).toEqual(
      Object.fromEntries([
        ['AWS::EC2::LaunchTemplate.Template', 'fail'],
        ['AWS::AutoScaling::LaunchConfiguration.Config', 'fail'],
      ]),
    );
    expect(outcomes.find((o) => o.address === 'AWS::EC2::LaunchTemplate.Template')!.message).toContain(
      'aigis-credential-variable',
    );
    for (const o of outcomes) noSecretShown(o.message);
  });

  it('passes on a script that fetches its secrets at boot', async () => {
    const [outcome] = await evaluateRuleOn(
      rule,
      instance(`      UserData: !Base64 |
        #!/bin/bash
        export HF_TOKEN=$(aws secretsmanager get-secret-value --secret-id hf-token --query SecretString --output text)
        export DB_PASSWORD="$DB_PASSWORD_FROM_SSM"
        export MODEL_ID=meta-llama/Llama-3.1-8B-Instruct`),
      'cloudformation',
    );
    expect(outcome!.status).toBe('pass');
  });

  it('scans the literal text of a script built around a parameter with no value', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      cfn(`  Clean:
    Type: AWS::EC2::Instance
    Properties:
      UserData: !Base64
        Fn::Sub: |
          #!/bin/bash
          echo \${DbPassword} | docker login --username ci --password-stdin
  Leaky:
    Type: AWS::EC2::Instance
    Properties:
      UserData:
        Fn::Base64:
          Fn::Join:
            - ''
            - - "#!/bin/bash\\nexport DB_HOST="
              - !Ref DbPassword
              - "\\nexport AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}\\n"
  Opaque:
    Type: AWS::EC2::Instance
    Properties:
      UserData: !Base64 { "Fn::Sub": "\${DbPassword}\${DbPassword}" }`),
      'cloudformation',
    );
    expect(statusByAddress(outcomes)).toEqual({
      'AWS::EC2::Instance.Clean': 'pass',
      'AWS::EC2::Instance.Leaky': 'fail',
      'AWS::EC2::Instance.Opaque': 'unknown',
    });
  });

  it('is not applicable without user data', async () => {
    expect((await evaluateRuleOn(rule, instance(''), 'cloudformation'))[0]!.status).toBe('not_applicable');
  });
});

describe('ec2_user_data_no_secrets on Terraform', () => {
  it('fails on a key in a heredoc, in user_data_base64 and in a launch template', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `resource "aws_instance" "gpu" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}
  EOT
}
resource "aws_instance" "b64" {
  ami              = "ami-12345678"
  instance_type    = "g5.xlarge"
  user_data_base64 = "${b64(`huggingface-cli login --token ${HF_TOKEN}`)}"
}
resource "aws_launch_template" "lt" {
  user_data = base64encode("export DB_PASSWORD='${DB_PASSWORD}'")
}`,
      'terraform',
    );
    expect(statusByAddress(outcomes)).toEqual(
      Object.fromEntries([
        ['aws_instance.gpu', 'fail'],
        ['aws_instance.b64', 'fail'],
        ['aws_launch_template.lt', 'fail'],
      ]),
    );
    for (const o of outcomes) noSecretShown(o.message);
  });

  it('scans the literal text around variables that have no value', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `variable "db_host" {}
resource "aws_instance" "leaky" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_HOST=\${var.db_host}
    export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}
  EOT
}
resource "aws_instance" "clean" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
  user_data     = "#!/bin/bash\\nexport DB_HOST=\${var.db_host}\\n"
}`,
      'terraform',
    );
    expect(statusByAddress(outcomes)).toEqual({ 'aws_instance.leaky': 'fail', 'aws_instance.clean': 'pass' });
  });

  it('passes on references, is unknown on files, not applicable without user data', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `variable "region" {
  default = "us-east-1"
}
resource "aws_instance" "clean" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
  user_data     = "#!/bin/bash\\naws s3 cp s3://models/llama /opt/models --region \${var.region}"
}
resource "aws_instance" "file" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
  user_data     = templatefile("boot.sh.tpl", {})
}
resource "aws_instance" "none" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
}`,
      'terraform',
    );
    expect(statusByAddress(outcomes)).toEqual(
      Object.fromEntries([
        ['aws_instance.clean', 'pass'],
        ['aws_instance.file', 'unknown'],
        ['aws_instance.none', 'not_applicable'],
      ]),
    );
  });
});

const tfInstance = (userData: string): string => `resource "aws_instance" "gpu" {
  ami           = "ami-12345678"
  instance_type = "g5.xlarge"
  ${userData}
}`;

runRuleCases(ec2UserDataNoSecrets, [
  {
    name: 'key in user data',
    format: 'cloudformation',
    source: instance(`      UserData: !Base64 "export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}"`),
    expected: { 'AWS::EC2::Instance.Gpu': 'fail' },
    messageIncludes: 'aws-access-token',
  },
  {
    name: 'clean user data',
    format: 'cloudformation',
    source: instance(`      UserData: !Base64 "yum install -y nvidia-driver"`),
    expected: { 'AWS::EC2::Instance.Gpu': 'pass' },
  },
  {
    name: 'no user data',
    format: 'cloudformation',
    source: instance(''),
    expected: { 'AWS::EC2::Instance.Gpu': 'not_applicable' },
  },
  {
    name: 'token in user data',
    format: 'terraform',
    source: tfInstance(`user_data = "huggingface-cli login --token ${HF_TOKEN}"`),
    expected: { 'aws_instance.gpu': 'fail' },
    messageIncludes: 'huggingface-access-token',
  },
  {
    name: 'clean user data',
    format: 'terraform',
    source: tfInstance('user_data = "yum install -y nvidia-driver"'),
    expected: { 'aws_instance.gpu': 'pass' },
  },
  {
    name: 'no user data',
    format: 'terraform',
    source: tfInstance(''),
    expected: { 'aws_instance.gpu': 'not_applicable' },
  },
  {
    name: 'user data from a file',
    format: 'terraform',
    source: tfInstance('user_data = file("boot.sh")'),
    expected: { 'aws_instance.gpu': 'unknown' },
    messageIncludes: 'user data cannot be decided',
  },
]);

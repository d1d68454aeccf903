import { describe, expect, it } from 'vitest';
import { sagemakerNotebookLifecycleNoSecrets } from '../../../src/rules/sagemaker/sagemaker_notebook_lifecycle_no_secrets.js';
import { evaluateRuleOn } from '../../helpers/evaluate.js';
import { runRuleCases } from '../sagemaker/cases.js';
import { ALL_SECRETS, b64, GITHUB_TOKEN, HF_TOKEN } from './fixtures.js';

const rule = sagemakerNotebookLifecycleNoSecrets;

const statusByAddress = (outcomes: Array<{ address: string; status: string }>): Record<string, string> =>
  Object.fromEntries(outcomes.map((o) => [o.address, o.status]));

const noSecretShown = (message: string): void => {
  for (const secret of ALL_SECRETS) expect(message).not.toContain(secret);
};

describe('sagemaker_notebook_lifecycle_no_secrets on CloudFormation', () => {
  it('fails on a token in an on-start script (!Base64 and literal base64) and a Studio script', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `Resources:
  Config:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
      OnCreate:
        - Content: !Base64 "pip install transformers"
      OnStart:
        - Content: !Base64 |
            #!/bin/bash
            sudo -u ec2-user -i <<'EOF'
            echo "export HF_TOKEN=${HF_TOKEN}" >> ~/.bashrc
            EOF
  Literal:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
      OnCreate:
        - Content: ${b64(`git clone https://x:${GITHUB_TOKEN}@github.com/org/repo.git`)}
  Studio:
    Type: AWS::SageMaker::StudioLifecycleConfig
    Properties:
      StudioLifecycleConfigAppType: JupyterLab
      StudioLifecycleConfigName: setup
      StudioLifecycleConfigContent: ${b64(`huggingface-cli login --token ${HF_TOKEN}`)}`,
      'cloudformation',
    );
    expect(statusByAddress(outcomes)).toEqual(
      Object.fromEntries([
        ['AWS::SageMaker::NotebookInstanceLifecycleConfig.Config', 'fail'],
        ['AWS::SageMaker::NotebookInstanceLifecycleConfig.Literal', 'fail'],
        ['AWS::SageMaker::StudioLifecycleConfig.Studio', 'fail'],
      ]),
    );
    expect(outcomes.find((o) => o.address.endsWith('.Config'))!.message).toContain(
      'on-start script line 3: huggingface-access-token (hf_u…)',
    );
    expect(outcomes.find((o) => o.address.endsWith('.Literal'))!.message).toContain(
      'on-create script line 1: github-pat',
    );
    for (const o of outcomes) noSecretShown(o.message);
  });

  it('passes on scripts without secrets and is not applicable without scripts', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `Resources:
  Clean:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
      OnStart:
        - Content: !Base64 |
            #!/bin/bash
            TOKEN=$(aws secretsmanager get-secret-value --secret-id hf --query SecretString --output text)
            echo "export HF_TOKEN_SECRET_ID=hf" >> /home/ec2-user/.bashrc
  Empty:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties: {}`,
      'cloudformation',
    );
    expect(outcomes.map((o) => o.status)).toEqual(['pass', 'not_applicable']);
  });
});

describe('sagemaker_notebook_lifecycle_no_secrets on Terraform', () => {
  it('fails on a token in base64encode()d on_start, unknown on filebase64(), passes when clean', async () => {
    const outcomes = await evaluateRuleOn(
      rule,
      `resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "leaky" {
  name     = "leaky"
  on_start = base64encode(<<-EOT
    #!/bin/bash
    export GITHUB_TOKEN=${GITHUB_TOKEN}
  EOT
  )
}
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "from_file" {
  name      = "from-file"
  on_create = filebase64("on-create.sh")
}
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "clean" {
  name     = "clean"
  on_start = base64encode("pip install -U sagemaker")
}
resource "aws_sagemaker_studio_lifecycle_config" "studio" {
  studio_lifecycle_config_name     = "setup"
  studio_lifecycle_config_app_type = "JupyterLab"
  studio_lifecycle_config_content  = "${b64(`huggingface-cli login --token ${HF_TOKEN}`)}"
}`,
      'terraform',
    );
    expect(statusByAddress(outcomes)).toEqual(
      Object.fromEntries([
        ['aws_sagemaker_notebook_instance_lifecycle_configuration.leaky', 'fail'],
        ['aws_sagemaker_notebook_instance_lifecycle_configuration.from_file', 'unknown'],
        ['aws_sagemaker_notebook_instance_lifecycle_configuration.clean', 'pass'],
        ['aws_sagemaker_studio_lifecycle_config.studio', 'fail'],
      ]),
    );
    for (const o of outcomes) noSecretShown(o.message);
  });
});

const cfnConfig = (onStart: string): string => `Resources:
  Config:
    Type: AWS::SageMaker::NotebookInstanceLifecycleConfig
    Properties:
${onStart}`;
const tfConfig = (
  onStart: string,
): string => `resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "lc" {
  name = "lc"
  ${onStart}
}`;
const CFG = 'AWS::SageMaker::NotebookInstanceLifecycleConfig.Config';
const TF_CFG = 'aws_sagemaker_notebook_instance_lifecycle_configuration.lc';

runRuleCases(sagemakerNotebookLifecycleNoSecrets, [
  {
    name: 'token in the on-start script',
    format: 'cloudformation',
    source: cfnConfig(`      OnStart:\n        - Content: !Base64 "export GITHUB_TOKEN=${GITHUB_TOKEN}"`),
    expected: { [CFG]: 'fail' },
    messageIncludes: 'github-pat',
  },
  {
    name: 'clean script',
    format: 'cloudformation',
    source: cfnConfig(`      OnStart:\n        - Content: !Base64 "pip install -U sagemaker"`),
    expected: { [CFG]: 'pass' },
  },
  {
    name: 'no scripts',
    format: 'cloudformation',
    source: cfnConfig('      {}'),
    expected: { [CFG]: 'not_applicable' },
  },
  {
    name: 'token in the on-start script',
    format: 'terraform',
    source: tfConfig(`on_start = base64encode("huggingface-cli login --token ${HF_TOKEN}")`),
    expected: { [TF_CFG]: 'fail' },
    messageIncludes: 'huggingface-access-token',
  },
  {
    name: 'clean script',
    format: 'terraform',
    source: tfConfig('on_start = base64encode("pip install -U sagemaker")'),
    expected: { [TF_CFG]: 'pass' },
  },
  { name: 'no scripts', format: 'terraform', source: tfConfig(''), expected: { [TF_CFG]: 'not_applicable' } },
  {
    name: 'script from a file',
    format: 'terraform',
    source: tfConfig('on_create = filebase64("on-create.sh")'),
    expected: { [TF_CFG]: 'unknown' },
  },
]);

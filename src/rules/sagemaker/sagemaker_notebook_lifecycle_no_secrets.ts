import { asArray } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { scanScripts } from '../secrets/hardcoded-secrets.js';

/** `[label, script]` for each lifecycle script of the resource, CloudFormation and Terraform forms. */
function lifecycleScripts(properties: Record<string, unknown>): Array<[string, unknown]> {
  const scripts: Array<[string, unknown]> = [];
  for (const [key, label] of [
    ['OnCreate', 'on-create script'],
    ['OnStart', 'on-start script'],
  ] as const) {
    for (const hook of asArray(properties[key])) {
      const content =
        typeof hook === 'object' && hook !== null && !Array.isArray(hook)
          ? (hook as Record<string, unknown>)['Content']
          : hook;
      scripts.push([label, content]);
    }
  }
  scripts.push(['on-create script', properties['on_create']]);
  scripts.push(['on-start script', properties['on_start']]);
  scripts.push([
    'lifecycle script',
    properties['StudioLifecycleConfigContent'] ?? properties['studio_lifecycle_config_content'],
  ]);
  return scripts.filter(([, v]) => v !== undefined && v !== null && v !== '');
}

export const sagemakerNotebookLifecycleNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_notebook_lifecycle_no_secrets',
  title: 'SageMaker notebook and Studio lifecycle configurations hold no hard-coded secrets',
  severity: 'high',
  resourceTypes: {
    cloudformation: [
      'AWS::SageMaker::NotebookInstanceLifecycleConfig',
      'AWS::SageMaker::StudioLifecycleConfig',
    ],
    terraform: [
      'aws_sagemaker_notebook_instance_lifecycle_configuration',
      'aws_sagemaker_studio_lifecycle_config',
    ],
  },
  rationale:
    "Lifecycle scripts set up data scientists' environments and are a common place to paste a Hugging Face token, a Git credential or a model provider key. The script is stored in plain text, readable by anyone who can describe the configuration, and runs on every notebook that uses it.",
  remediation: {
    text: "Read secrets at run time from AWS Secrets Manager with the notebook execution role (or use SageMaker's Git repository integration with a Secrets Manager secret), keep only their names in the script, and rotate any key that was committed.",
    cloudformation: `OnStart:
  - Content: !Base64 |
      #!/bin/bash
      TOKEN=$(aws secretsmanager get-secret-value --secret-id hf-token --query SecretString --output text)`,
    terraform: `on_start = base64encode(<<-EOT
  #!/bin/bash
  TOKEN=$(aws secretsmanager get-secret-value --secret-id hf-token --query SecretString --output text)
EOT
)`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_notebook_instance_no_secrets'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource) {
    const scripts = lifecycleScripts(resource.properties);
    if (scripts.length === 0) return notApplicable(`${resource.address}: has no lifecycle script`);
    return scanScripts(resource, scripts, 'lifecycle scripts');
  },
};

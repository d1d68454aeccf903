import { asArray, isResourceRef, isUnknown, type Unknown } from '../../resources/index.js';
import { notApplicable, type ResourceRule } from '../types.js';
import { scanVariables, secretsOutcome, type SecretFinding } from '../secrets/hardcoded-secrets.js';

/** `[label, container]` for the primary container and each container of an inference pipeline. */
function containersOf(p: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const c of asArray(p['PrimaryContainer'] ?? p['primary_container']))
    out.push(['primary container', c]);
  asArray(p['Containers'] ?? p['container']).forEach((c, i) => out.push([`container ${i + 1}`, c]));
  return out;
}

export const sagemakerModelEnvironmentNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_model_environment_no_secrets',
  title: 'SageMaker model container environments hold no hard-coded secrets',
  severity: 'critical',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::Model'],
    terraform: ['aws_sagemaker_model'],
  },
  rationale:
    'Hosting gated models (Llama, Mistral) with the Hugging Face or vLLM containers needs a hub token, and it is usually passed as HUGGING_FACE_HUB_TOKEN or HF_TOKEN in the model environment. The value is then in the template, returned by DescribeModel to anyone allowed to call it, and copied to every endpoint that uses the model.',
  remediation: {
    text: 'Keep the token in AWS Secrets Manager and have the container read it at start-up with the execution role (or download the weights to S3 once and deploy from there), and rotate any token that was committed.',
    cloudformation: `PrimaryContainer:
  Image: !Ref TgiImage
  Environment:
    HF_MODEL_ID: meta-llama/Llama-3.1-8B-Instruct
    HF_TOKEN_SECRET_ARN: !Ref HubTokenSecret`,
    terraform: `primary_container {
  image = var.tgi_image
  environment = {
    HF_MODEL_ID         = "meta-llama/Llama-3.1-8B-Instruct"
    HF_TOKEN_SECRET_ARN = aws_secretsmanager_secret.hub_token.arn
  }
}`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const containers = containersOf(resource.properties);
    const findings: SecretFinding[] = [];
    const unknowns: Unknown[] = [];
    let environments = 0;
    for (const [label, container] of containers) {
      if (isUnknown(container)) {
        unknowns.push(container);
        continue;
      }
      if (typeof container !== 'object' || container === null || isResourceRef(container)) continue;
      const c = container as Record<string, unknown>;
      const environment = c['Environment'] ?? c['environment'];
      if (environment === undefined || environment === null) continue;
      environments++;
      const scan = scanVariables(environment, (name) => `${label} variable ${name}`);
      findings.push(...scan.findings);
      if (scan.unknown) unknowns.push(scan.unknown);
    }
    if (environments === 0 && unknowns.length === 0)
      return notApplicable(`${resource.address}: has no container environment`);
    return secretsOutcome(resource, findings, unknowns, 'container environment');
  },
};

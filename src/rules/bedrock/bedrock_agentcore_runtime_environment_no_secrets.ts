import { notApplicable, type ResourceRule } from '../types.js';
import { isEmptyMap, scanVariables, secretsOutcome } from '../secrets/hardcoded-secrets.js';

export const bedrockAgentcoreRuntimeEnvironmentNoSecrets: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agentcore_runtime_environment_no_secrets',
  title: 'Bedrock AgentCore runtime environment variables hold no hard-coded secrets',
  severity: 'critical',
  resourceTypes: {
    cloudformation: ['AWS::BedrockAgentCore::Runtime'],
    terraform: ['aws_bedrockagentcore_agent_runtime'],
  },
  rationale:
    'Agents call third-party tools and model providers, and their keys are easily passed as runtime environment variables. Those are stored with the runtime configuration, readable by anyone who can get the agent runtime, and reach every session of the agent.',
  remediation: {
    text: 'Use an AgentCore Identity credential provider or AWS Secrets Manager for tool and provider keys, pass only their names, and rotate any key that was committed.',
    cloudformation: `EnvironmentVariables:
  SEARCH_API_KEY_SECRET_ARN: !Ref SearchApiKeySecret`,
    terraform: `environment_variables = {
  SEARCH_API_KEY_SECRET_ARN = aws_secretsmanager_secret.search.arn
}`,
  },
  controls: ['no-secrets-in-ai-code-and-config'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const p = resource.properties;
    const variables = p['EnvironmentVariables'] ?? p['environment_variables'];
    if (variables === undefined || variables === null || isEmptyMap(variables))
      return notApplicable(`${resource.address}: has no environment variables`);
    const scan = scanVariables(variables, (name) => `variable ${name}`);
    return secretsOutcome(
      resource,
      scan.findings,
      scan.unknown ? [scan.unknown] : [],
      'environment variables',
    );
  },
};

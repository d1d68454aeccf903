import { prop } from '../../resources/access.js';
import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { asText, isSet } from '../sagemaker/shared.js';

export const bedrockLambdaPermissionSourceScoped: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_lambda_permission_source_scoped',
  title: 'Lambda permissions that let Bedrock invoke agent tools name the source agent or account',
  severity: 'high',
  resourceTypes: { cloudformation: ['AWS::Lambda::Permission'], terraform: ['aws_lambda_permission'] },
  rationale:
    'An action group function that trusts bedrock.amazonaws.com without SourceArn or SourceAccount can be invoked by any Bedrock agent in any account (confused deputy), running the tool with its own permissions.',
  remediation: {
    text: 'Set SourceArn to the agent ARN (or SourceAccount to your account) on the permission.',
    cloudformation:
      'ToolPermission:\n  Type: AWS::Lambda::Permission\n  Properties:\n    FunctionName: !Ref ToolFunction\n    Action: lambda:InvokeFunction\n    Principal: bedrock.amazonaws.com\n    SourceArn: !GetAtt Agent.AgentArn',
    terraform:
      'resource "aws_lambda_permission" "agent_tool" {\n  function_name = aws_lambda_function.tool.function_name\n  action        = "lambda:InvokeFunction"\n  principal     = "bedrock.amazonaws.com"\n  source_arn    = aws_bedrockagent_agent.agent.agent_arn\n}',
  },
  controls: ['agent-tool-allowlist'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource) {
    const principal = asText(prop(resource, { cloudformation: 'Principal', terraform: 'principal' }));
    if (isUnknown(principal))
      return unknown(`${resource.address}: principal cannot be decided statically: ${principal.reason}`);
    if (principal === undefined || !/^bedrock(-agentcore)?\.amazonaws\.com$/i.test(principal.trim())) {
      return notApplicable(`${resource.address} does not grant Bedrock`);
    }
    const arn = prop(resource, { cloudformation: 'SourceArn', terraform: 'source_arn' });
    const account = prop(resource, { cloudformation: 'SourceAccount', terraform: 'source_account' });
    if (isSet(arn) || isSet(account))
      return pass(`${resource.address} lets only a named Bedrock source invoke the function`);
    return fail(
      `${resource.address} lets bedrock.amazonaws.com invoke the function from any agent or account (no SourceArn or SourceAccount)`,
    );
  },
};

import { bedrockAgentCmk } from '../../../src/rules/bedrock/bedrock_agent_cmk.js';
import { bedrockAgentGuardrail } from '../../../src/rules/bedrock/bedrock_agent_guardrail.js';
import { bedrockAgentGuardrailVersionPinned } from '../../../src/rules/bedrock/bedrock_agent_guardrail_version_pinned.js';
import { bedrockAgentRoleLeastPrivilege } from '../../../src/rules/bedrock/bedrock_agent_role_least_privilege.js';
import { bedrockAgentRoleNotShared } from '../../../src/rules/bedrock/bedrock_agent_role_not_shared.js';
import { bedrockServiceRoleLeastPrivilege } from '../../../src/rules/bedrock/bedrock_service_role_least_privilege.js';
import { bedrockLambdaPermissionSourceScoped } from '../../../src/rules/bedrock/bedrock_lambda_permission_source_scoped.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const AGENT = 'AWS::Bedrock::Agent.Agent';
const TF_AGENT = 'aws_bedrockagent_agent.agent';
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

const agent = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    Agent: {
      Type: 'AWS::Bedrock::Agent',
      Properties: {
        AgentName: 'support',
        FoundationModel: 'anthropic.claude-3-haiku-20240307-v1:0',
        AgentResourceRoleArn: getAtt('Role', 'Arn'),
        ...props,
      },
    },
    ...extra,
  });
const tfAgent = (body: string, extra = '') => `
resource "aws_kms_key" "k" {}
resource "aws_iam_role" "agent" {
  name               = "agent"
  assume_role_policy = "{}"
}
resource "aws_bedrockagent_agent" "agent" {
  agent_name              = "support"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
  agent_resource_role_arn = aws_iam_role.agent.arn
  ${body}
}
${extra}`;

runRuleCases(bedrockAgentCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: agent({ CustomerEncryptionKeyArn: getAtt('Key', 'Arn') }),
    expected: { [AGENT]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: agent({}), expected: { [AGENT]: 'fail' } },
  { name: 'no agent', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key',
    format: 'terraform',
    source: tfAgent('customer_encryption_key_arn = aws_kms_key.k.arn'),
    expected: { [TF_AGENT]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfAgent(''), expected: { [TF_AGENT]: 'fail' } },
  { name: 'no agent', format: 'terraform', source: noneTf, expected: {} },
]);

const guardrailResource = {
  Guardrail: {
    Type: 'AWS::Bedrock::Guardrail',
    Properties: { Name: 'g', BlockedInputMessaging: 'no', BlockedOutputsMessaging: 'no' },
  },
};
runRuleCases(bedrockAgentGuardrail, [
  {
    name: 'guardrail reference',
    format: 'cloudformation',
    source: agent(
      {
        GuardrailConfiguration: {
          GuardrailIdentifier: getAtt('Guardrail', 'GuardrailId'),
          GuardrailVersion: '1',
        },
      },
      guardrailResource,
    ),
    expected: { [AGENT]: 'pass' },
  },
  { name: 'no guardrail', format: 'cloudformation', source: agent({}), expected: { [AGENT]: 'fail' } },
  { name: 'no agent', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'guardrail id',
    format: 'terraform',
    source: tfAgent(
      'guardrail_configuration {\n guardrail_identifier = "gr-123"\n guardrail_version = "2"\n }',
    ),
    expected: { [TF_AGENT]: 'pass' },
  },
  { name: 'no guardrail', format: 'terraform', source: tfAgent(''), expected: { [TF_AGENT]: 'fail' } },
  { name: 'no agent', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockAgentGuardrailVersionPinned, [
  {
    name: 'numbered version',
    format: 'cloudformation',
    source: agent({ GuardrailConfiguration: { GuardrailIdentifier: 'gr-1', GuardrailVersion: '3' } }),
    expected: { [AGENT]: 'pass' },
  },
  {
    name: 'version from a GuardrailVersion resource',
    format: 'cloudformation',
    source: agent(
      { GuardrailConfiguration: { GuardrailIdentifier: 'gr-1', GuardrailVersion: getAtt('GV', 'Version') } },
      { GV: { Type: 'AWS::Bedrock::GuardrailVersion', Properties: { GuardrailIdentifier: 'gr-1' } } },
    ),
    expected: { [AGENT]: 'pass' },
  },
  {
    name: 'DRAFT',
    format: 'cloudformation',
    source: agent({ GuardrailConfiguration: { GuardrailIdentifier: 'gr-1', GuardrailVersion: 'DRAFT' } }),
    expected: { [AGENT]: 'fail' },
  },
  {
    name: 'no version',
    format: 'cloudformation',
    source: agent({ GuardrailConfiguration: { GuardrailIdentifier: 'gr-1' } }),
    expected: { [AGENT]: 'fail' },
  },
  {
    name: 'no guardrail',
    format: 'cloudformation',
    source: agent({}),
    expected: { [AGENT]: 'not_applicable' },
  },
  {
    name: 'numbered version',
    format: 'terraform',
    source: tfAgent(
      'guardrail_configuration {\n guardrail_identifier = "gr-1"\n guardrail_version = "1"\n }',
    ),
    expected: { [TF_AGENT]: 'pass' },
  },
  {
    name: 'DRAFT',
    format: 'terraform',
    source: tfAgent(
      'guardrail_configuration {\n guardrail_identifier = "gr-1"\n guardrail_version = "DRAFT"\n }',
    ),
    expected: { [TF_AGENT]: 'fail' },
  },
  {
    name: 'no guardrail',
    format: 'terraform',
    source: tfAgent(''),
    expected: { [TF_AGENT]: 'not_applicable' },
  },
]);

const invokePolicy = {
  PolicyName: 'invoke',
  PolicyDocument: {
    Statement: [
      {
        Effect: 'Allow',
        Action: 'bedrock:InvokeModel',
        Resource: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      },
    ],
  },
};
const agentWithRole = (roleProps: Record<string, unknown>) =>
  cfn({
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...roleProps } },
    Agent: {
      Type: 'AWS::Bedrock::Agent',
      Properties: { AgentName: 'a', AgentResourceRoleArn: getAtt('Role', 'Arn') },
    },
  });
runRuleCases(bedrockAgentRoleLeastPrivilege, [
  {
    name: 'invoke one model',
    format: 'cloudformation',
    source: agentWithRole({ Policies: [invokePolicy] }),
    expected: { [AGENT]: 'pass' },
  },
  {
    name: 'bedrock:* on *',
    format: 'cloudformation',
    source: agentWithRole({
      Policies: [
        {
          PolicyName: 'p',
          PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['bedrock:*'], Resource: '*' }] },
        },
      ],
    }),
    expected: { [AGENT]: 'fail' },
  },
  {
    name: 'AmazonBedrockFullAccess',
    format: 'cloudformation',
    source: agentWithRole({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'] }),
    expected: { [AGENT]: 'fail' },
    messageIncludes: 'AmazonBedrockFullAccess',
  },
  {
    name: 'role ARN outside the template',
    format: 'cloudformation',
    source: cfn({
      Agent: {
        Type: 'AWS::Bedrock::Agent',
        Properties: { AgentName: 'a', AgentResourceRoleArn: 'arn:aws:iam::1:role/elsewhere' },
      },
    }),
    expected: { [AGENT]: 'unknown' },
  },
  { name: 'no agent', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'invoke one model',
    format: 'terraform',
    source: tfAgent(
      '',
      'resource "aws_iam_role_policy" "p" {\n role = aws_iam_role.agent.id\n policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "bedrock:InvokeModel", Resource = "arn:aws:bedrock:us-east-1::foundation-model/m" }] })\n}',
    ),
    expected: { [TF_AGENT]: 'pass' },
  },
  {
    name: 'NotAction',
    format: 'terraform',
    source: tfAgent(
      '',
      'resource "aws_iam_role_policy" "p" {\n role = aws_iam_role.agent.id\n policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }] })\n}',
    ),
    expected: { [TF_AGENT]: 'fail' },
  },
  { name: 'no agent', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockAgentRoleNotShared, [
  { name: 'one role per agent', format: 'cloudformation', source: agent({}), expected: { [AGENT]: 'pass' } },
  {
    name: 'two agents, one role',
    format: 'cloudformation',
    source: agent(
      {},
      {
        Second: {
          Type: 'AWS::Bedrock::Agent',
          Properties: { AgentName: 'b', AgentResourceRoleArn: getAtt('Role', 'Arn') },
        },
      },
    ),
    expected: { [AGENT]: 'fail', 'AWS::Bedrock::Agent.Second': 'fail' },
  },
  { name: 'no agent', format: 'cloudformation', source: noneCfn, expected: {} },
  { name: 'one role per agent', format: 'terraform', source: tfAgent(''), expected: { [TF_AGENT]: 'pass' } },
  {
    name: 'two agents, same literal role ARN',
    format: 'terraform',
    source:
      'resource "aws_bedrockagent_agent" "a" {\n agent_name = "a"\n agent_resource_role_arn = "arn:aws:iam::1:role/shared"\n}\nresource "aws_bedrockagent_agent" "b" {\n agent_name = "b"\n agent_resource_role_arn = "arn:aws:iam::1:role/shared"\n}',
    expected: { 'aws_bedrockagent_agent.a': 'fail', 'aws_bedrockagent_agent.b': 'fail' },
  },
  { name: 'no agent', format: 'terraform', source: noneTf, expected: {} },
]);

const PERM = 'AWS::Lambda::Permission.ToolPermission';
const TF_PERM = 'aws_lambda_permission.tool';
const permission = (props: Record<string, unknown>) =>
  cfn({
    ToolPermission: {
      Type: 'AWS::Lambda::Permission',
      Properties: { FunctionName: 'tool', Action: 'lambda:InvokeFunction', ...props },
    },
  });
const tfPermission = (body: string) =>
  `resource "aws_lambda_permission" "tool" {\n function_name = "tool"\n action = "lambda:InvokeFunction"\n ${body}\n}`;
runRuleCases(bedrockLambdaPermissionSourceScoped, [
  {
    name: 'source agent ARN',
    format: 'cloudformation',
    source: permission({
      Principal: 'bedrock.amazonaws.com',
      SourceArn: 'arn:aws:bedrock:us-east-1:1:agent/ABC',
    }),
    expected: { [PERM]: 'pass' },
  },
  {
    name: 'no source',
    format: 'cloudformation',
    source: permission({ Principal: 'bedrock.amazonaws.com' }),
    expected: { [PERM]: 'fail' },
  },
  {
    name: 'another service',
    format: 'cloudformation',
    source: permission({ Principal: 's3.amazonaws.com' }),
    expected: { [PERM]: 'not_applicable' },
  },
  {
    name: 'source account',
    format: 'terraform',
    source: tfPermission('principal = "bedrock.amazonaws.com"\n source_account = "111122223333"'),
    expected: { [TF_PERM]: 'pass' },
  },
  {
    name: 'no source',
    format: 'terraform',
    source: tfPermission('principal = "bedrock.amazonaws.com"'),
    expected: { [TF_PERM]: 'fail' },
  },
  {
    name: 'another service',
    format: 'terraform',
    source: tfPermission('principal = "events.amazonaws.com"'),
    expected: { [TF_PERM]: 'not_applicable' },
  },
]);

const KB = 'AWS::Bedrock::KnowledgeBase.Kb';
const kbWithRole = (roleProps: Record<string, unknown>) =>
  cfn({
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...roleProps } },
    Kb: { Type: 'AWS::Bedrock::KnowledgeBase', Properties: { Name: 'kb', RoleArn: getAtt('Role', 'Arn') } },
  });
const tfFlow = (policy: string) => `
resource "aws_iam_role" "flow" {
  name               = "flow"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "flow" {
  role   = aws_iam_role.flow.id
  policy = jsonencode({ Statement = [${policy}] })
}
resource "aws_bedrockagent_flow" "flow" {
  name               = "flow"
  execution_role_arn = aws_iam_role.flow.arn
}`;
runRuleCases(bedrockServiceRoleLeastPrivilege, [
  {
    name: 'scoped knowledge base role',
    format: 'cloudformation',
    source: kbWithRole({ Policies: [invokePolicy] }),
    expected: { [KB]: 'pass' },
  },
  {
    name: 'knowledge base role with AmazonBedrockFullAccess',
    format: 'cloudformation',
    source: kbWithRole({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'] }),
    expected: { [KB]: 'fail' },
  },
  { name: 'no Bedrock resource', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'scoped flow role',
    format: 'terraform',
    source: tfFlow(
      '{ Effect = "Allow", Action = "bedrock:InvokeModel", Resource = "arn:aws:bedrock:us-east-1::foundation-model/m" }',
    ),
    expected: { 'aws_bedrockagent_flow.flow': 'pass' },
  },
  {
    name: 's3:* on *',
    format: 'terraform',
    source: tfFlow('{ Effect = "Allow", Action = "s3:*", Resource = "*" }'),
    expected: { 'aws_bedrockagent_flow.flow': 'fail' },
  },
  { name: 'no Bedrock resource', format: 'terraform', source: noneTf, expected: {} },
]);

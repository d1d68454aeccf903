import { bedrockAgentcoreBrowserPrivate } from '../../../src/rules/bedrock/bedrock_agentcore_browser_private.js';
import { bedrockAgentcoreCodeInterpreterPrivate } from '../../../src/rules/bedrock/bedrock_agentcore_code_interpreter_private.js';
import { bedrockAgentcoreGatewayAuthorizer } from '../../../src/rules/bedrock/bedrock_agentcore_gateway_authorizer.js';
import { bedrockAgentcoreGatewayCmk } from '../../../src/rules/bedrock/bedrock_agentcore_gateway_cmk.js';
import { bedrockAgentcoreMemoryCmk } from '../../../src/rules/bedrock/bedrock_agentcore_memory_cmk.js';
import { bedrockAgentcoreRuntimeVpc } from '../../../src/rules/bedrock/bedrock_agentcore_runtime_vpc.js';
import { bedrockFullAccessPolicyNotAttached } from '../../../src/rules/bedrock/bedrock_full_access_policy_not_attached.js';
import { bedrockModelInvocationLoggingEnabled } from '../../../src/rules/bedrock/bedrock_model_invocation_logging_enabled.js';
import { bedrockModelInvocationLogsCmk } from '../../../src/rules/bedrock/bedrock_model_invocation_logs_cmk.js';
import { bedrockVpcEndpointPrivateDns } from '../../../src/rules/bedrock/bedrock_vpc_endpoint_private_dns.js';
import { bedrockVpcInterfaceEndpoints } from '../../../src/rules/bedrock/bedrock_vpc_interface_endpoints.js';
import { cfn, getAtt, ref, runRuleCases } from '../sagemaker/cases.js';

const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';
const tfAgent =
  'resource "aws_bedrockagent_agent" "agent" {\n agent_name = "a"\n agent_resource_role_arn = "arn:aws:iam::1:role/a"\n}';

const LOG = 'aws_bedrock_model_invocation_logging_configuration.this';
const logging = (config: string, extra = '') => `
resource "aws_kms_key" "k" {}
resource "aws_s3_bucket" "logs" {
  bucket = "bedrock-logs"
}
resource "aws_cloudwatch_log_group" "bedrock" {
  name = "/aws/bedrock"
  ${extra}
}
resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    ${config}
  }
}`;
const s3Config = 's3_config {\n bucket_name = aws_s3_bucket.logs.id\n key_prefix = "inv"\n }';
const cwConfig =
  'cloudwatch_config {\n log_group_name = aws_cloudwatch_log_group.bedrock.name\n role_arn = "arn:aws:iam::1:role/log"\n }';

runRuleCases(bedrockModelInvocationLoggingEnabled, [
  {
    name: 'configured with S3',
    format: 'terraform',
    source: logging(`text_data_delivery_enabled = true\n${s3Config}`),
    expected: { [LOG]: 'pass' },
  },
  {
    name: 'no destination',
    format: 'terraform',
    source: logging('text_data_delivery_enabled = true'),
    expected: { [LOG]: 'fail' },
  },
  {
    name: 'text delivery off',
    format: 'terraform',
    source: logging(`text_data_delivery_enabled = false\n${cwConfig}`),
    expected: { [LOG]: 'fail' },
  },
  {
    name: 'agent and no logging configuration',
    format: 'terraform',
    source: tfAgent,
    expected: { 'aws_bedrockagent_agent.agent': 'fail' },
  },
  { name: 'no Bedrock use', format: 'terraform', source: noneTf, expected: {} },
  {
    name: 'agent in CloudFormation, which cannot configure logging',
    format: 'cloudformation',
    source: cfn({ Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'a' } } }),
    expected: { 'AWS::Bedrock::Agent.Agent': 'unknown' },
    messageIncludes: 'CloudFormation has no resource',
  },
  { name: 'no Bedrock use', format: 'cloudformation', source: noneCfn, expected: {} },
]);

runRuleCases(bedrockModelInvocationLogsCmk, [
  {
    name: 'bucket and log group with CMK',
    format: 'terraform',
    source:
      logging(`${s3Config}\n${cwConfig}`, 'kms_key_id = aws_kms_key.k.arn') +
      '\nresource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n bucket = aws_s3_bucket.logs.id\n rule {\n apply_server_side_encryption_by_default {\n sse_algorithm = "aws:kms"\n kms_master_key_id = aws_kms_key.k.arn\n }\n }\n}',
    expected: { [LOG]: 'pass' },
  },
  {
    name: 'bucket with default SSE-S3',
    format: 'terraform',
    source: logging(s3Config),
    expected: { [LOG]: 'fail' },
    messageIncludes: 'aws_s3_bucket.logs',
  },
  {
    name: 'log group without key',
    format: 'terraform',
    source: logging(cwConfig),
    expected: { [LOG]: 'fail' },
  },
  {
    name: 'bucket outside the scan',
    format: 'terraform',
    source: logging('s3_config {\n bucket_name = "elsewhere"\n }'),
    expected: { [LOG]: 'unknown' },
  },
  { name: 'no logging configuration', format: 'terraform', source: noneTf, expected: {} },
]);

const vpcCfn = (endpoints: Record<string, Record<string, unknown>>, bedrock = true) =>
  cfn({
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    ...(bedrock ? { Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'a' } } } : {}),
    ...Object.fromEntries(
      Object.entries(endpoints).map(([id, props]) => [
        id,
        { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ...props } },
      ]),
    ),
  });
const privateEndpoint = (service: string) => ({
  ServiceName: { 'Fn::Sub': `com.amazonaws.\${AWS::Region}.${service}` },
  VpcEndpointType: 'Interface',
  PrivateDnsEnabled: true,
});
const VPC = 'AWS::EC2::VPC.Vpc';
const tfVpc = (endpoints: string, bedrock = tfAgent) => `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
${bedrock}
${endpoints}`;
const tfEndpoint = (
  name: string,
  service: string,
  body = 'vpc_endpoint_type = "Interface"\n private_dns_enabled = true',
) =>
  `resource "aws_vpc_endpoint" "${name}" {\n vpc_id = aws_vpc.main.id\n service_name = "com.amazonaws.us-east-1.${service}"\n ${body}\n}`;

runRuleCases(bedrockVpcInterfaceEndpoints, [
  {
    name: 'runtime and agent runtime endpoints',
    format: 'cloudformation',
    source: vpcCfn({ Rt: privateEndpoint('bedrock-runtime'), Art: privateEndpoint('bedrock-agent-runtime') }),
    expected: { [VPC]: 'pass' },
  },
  {
    name: 'agent runtime endpoint missing',
    format: 'cloudformation',
    source: vpcCfn({ Rt: privateEndpoint('bedrock-runtime') }),
    expected: { [VPC]: 'fail' },
    messageIncludes: 'bedrock-agent-runtime',
  },
  {
    name: 'endpoints without private DNS',
    format: 'cloudformation',
    source: vpcCfn({
      Rt: { ...privateEndpoint('bedrock-runtime'), PrivateDnsEnabled: false },
      Art: privateEndpoint('bedrock-agent-runtime'),
    }),
    expected: { [VPC]: 'fail' },
  },
  { name: 'VPC without Bedrock use', format: 'cloudformation', source: vpcCfn({}, false), expected: {} },
  {
    name: 'only bedrock-runtime needed without agents',
    format: 'terraform',
    source: tfVpc(
      tfEndpoint('rt', 'bedrock-runtime'),
      'resource "aws_iam_policy" "invoke" {\n name = "i"\n policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "bedrock:InvokeModel", Resource = "*" }] })\n}',
    ),
    expected: { 'aws_vpc.main': 'pass' },
  },
  {
    name: 'gateway-type endpoint does not count',
    format: 'terraform',
    source: tfVpc(
      `${tfEndpoint('rt', 'bedrock-runtime', '')}\n${tfEndpoint('art', 'bedrock-agent-runtime')}`,
    ),
    expected: { 'aws_vpc.main': 'fail' },
  },
  { name: 'no endpoints', format: 'terraform', source: tfVpc(''), expected: { 'aws_vpc.main': 'fail' } },
  { name: 'Bedrock without a VPC', format: 'terraform', source: tfAgent, expected: {} },
]);

const EP = 'AWS::EC2::VPCEndpoint.Rt';
runRuleCases(bedrockVpcEndpointPrivateDns, [
  {
    name: 'interface with private DNS',
    format: 'cloudformation',
    source: vpcCfn({ Rt: privateEndpoint('bedrock-runtime') }),
    expected: { [EP]: 'pass' },
  },
  {
    name: 'private DNS off (default)',
    format: 'cloudformation',
    source: vpcCfn({
      Rt: { ServiceName: 'com.amazonaws.us-east-1.bedrock-runtime', VpcEndpointType: 'Interface' },
    }),
    expected: { [EP]: 'fail' },
  },
  {
    name: 'S3 gateway endpoint',
    format: 'cloudformation',
    source: vpcCfn({ Rt: { ServiceName: 'com.amazonaws.us-east-1.s3' } }),
    expected: { [EP]: 'not_applicable' },
  },
  {
    name: 'interface with private DNS',
    format: 'terraform',
    source: tfVpc(tfEndpoint('art', 'bedrock-agent-runtime')),
    expected: { 'aws_vpc_endpoint.art': 'pass' },
  },
  {
    name: 'default gateway type',
    format: 'terraform',
    source: tfVpc(tfEndpoint('art', 'bedrock-agent-runtime', '')),
    expected: { 'aws_vpc_endpoint.art': 'fail' },
  },
  {
    name: 'other service',
    format: 'terraform',
    source: tfVpc(tfEndpoint('ssm', 'ssm')),
    expected: { 'aws_vpc_endpoint.ssm': 'not_applicable' },
  },
]);

runRuleCases(bedrockFullAccessPolicyNotAttached, [
  {
    name: 'scoped role',
    format: 'cloudformation',
    source: cfn({
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockReadOnly'] },
      },
    }),
    expected: { 'AWS::IAM::Role.Role': 'pass' },
  },
  {
    name: 'user with full access',
    format: 'cloudformation',
    source: cfn({
      Dev: {
        Type: 'AWS::IAM::User',
        Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AmazonBedrockFullAccess'] },
      },
    }),
    expected: { 'AWS::IAM::User.Dev': 'fail' },
  },
  { name: 'no identity', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'role with full access inline list',
    format: 'terraform',
    source:
      'resource "aws_iam_role" "r" {\n name = "r"\n assume_role_policy = "{}"\n managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonBedrockFullAccess"]\n}',
    expected: { 'aws_iam_role.r': 'fail' },
  },
  {
    name: 'attachment of another policy',
    format: 'terraform',
    source:
      'resource "aws_iam_role_policy_attachment" "a" {\n role = "r"\n policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}',
    expected: { 'aws_iam_role_policy_attachment.a': 'not_applicable' },
  },
  {
    name: 'role without managed policies',
    format: 'terraform',
    source: 'resource "aws_iam_role" "r" {\n name = "r"\n assume_role_policy = "{}"\n}',
    expected: { 'aws_iam_role.r': 'pass' },
  },
]);

const agentcore = (type: string, props: Record<string, unknown>) =>
  cfn({ Key: { Type: 'AWS::KMS::Key', Properties: {} }, Res: { Type: type, Properties: props } });
const tfAgentcore = (type: string, body: string) =>
  `resource "aws_kms_key" "k" {}\nresource "${type}" "res" {\n name = "x"\n ${body}\n}`;
const network = (mode: string) => ({ NetworkConfiguration: { NetworkMode: mode } });
const tfNetwork = (mode: string) => `network_configuration {\n network_mode = "${mode}"\n }`;

runRuleCases(bedrockAgentcoreRuntimeVpc, [
  {
    name: 'VPC',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::Runtime', network('VPC')),
    expected: { 'AWS::BedrockAgentCore::Runtime.Res': 'pass' },
  },
  {
    name: 'PUBLIC',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::Runtime', network('PUBLIC')),
    expected: { 'AWS::BedrockAgentCore::Runtime.Res': 'fail' },
  },
  { name: 'none', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'VPC',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_agent_runtime', tfNetwork('VPC')),
    expected: { 'aws_bedrockagentcore_agent_runtime.res': 'pass' },
  },
  {
    name: 'PUBLIC',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_agent_runtime', tfNetwork('PUBLIC')),
    expected: { 'aws_bedrockagentcore_agent_runtime.res': 'fail' },
  },
  { name: 'none', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockAgentcoreCodeInterpreterPrivate, [
  {
    name: 'SANDBOX',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::CodeInterpreterCustom', network('SANDBOX')),
    expected: { 'AWS::BedrockAgentCore::CodeInterpreterCustom.Res': 'pass' },
  },
  {
    name: 'PUBLIC',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::CodeInterpreterCustom', network('PUBLIC')),
    expected: { 'AWS::BedrockAgentCore::CodeInterpreterCustom.Res': 'fail' },
  },
  { name: 'none', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'VPC',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_code_interpreter', tfNetwork('VPC')),
    expected: { 'aws_bedrockagentcore_code_interpreter.res': 'pass' },
  },
  {
    name: 'PUBLIC',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_code_interpreter', tfNetwork('PUBLIC')),
    expected: { 'aws_bedrockagentcore_code_interpreter.res': 'fail' },
  },
  { name: 'none', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockAgentcoreBrowserPrivate, [
  {
    name: 'VPC',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::BrowserCustom', network('VPC')),
    expected: { 'AWS::BedrockAgentCore::BrowserCustom.Res': 'pass' },
  },
  {
    name: 'PUBLIC',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::BrowserCustom', network('PUBLIC')),
    expected: { 'AWS::BedrockAgentCore::BrowserCustom.Res': 'fail' },
  },
  { name: 'none', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'VPC',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_browser', tfNetwork('VPC')),
    expected: { 'aws_bedrockagentcore_browser.res': 'pass' },
  },
  {
    name: 'PUBLIC',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_browser', tfNetwork('PUBLIC')),
    expected: { 'aws_bedrockagentcore_browser.res': 'fail' },
  },
  { name: 'none', format: 'terraform', source: noneTf, expected: {} },
]);

for (const [rule, cfnType, tfType, cfnKey, tfKey] of [
  [
    bedrockAgentcoreMemoryCmk,
    'AWS::BedrockAgentCore::Memory',
    'aws_bedrockagentcore_memory',
    'EncryptionKeyArn',
    'encryption_key_arn',
  ],
  [
    bedrockAgentcoreGatewayCmk,
    'AWS::BedrockAgentCore::Gateway',
    'aws_bedrockagentcore_gateway',
    'KmsKeyArn',
    'kms_key_arn',
  ],
] as const) {
  runRuleCases(rule, [
    {
      name: 'key',
      format: 'cloudformation',
      source: agentcore(cfnType, { [cfnKey]: getAtt('Key', 'Arn') }),
      expected: { [`${cfnType}.Res`]: 'pass' },
    },
    {
      name: 'no key',
      format: 'cloudformation',
      source: agentcore(cfnType, {}),
      expected: { [`${cfnType}.Res`]: 'fail' },
    },
    { name: 'none', format: 'cloudformation', source: noneCfn, expected: {} },
    {
      name: 'key',
      format: 'terraform',
      source: tfAgentcore(tfType, `${tfKey} = aws_kms_key.k.arn`),
      expected: { [`${tfType}.res`]: 'pass' },
    },
    {
      name: 'no key',
      format: 'terraform',
      source: tfAgentcore(tfType, ''),
      expected: { [`${tfType}.res`]: 'fail' },
    },
    { name: 'none', format: 'terraform', source: noneTf, expected: {} },
  ]);
}

runRuleCases(bedrockAgentcoreGatewayAuthorizer, [
  {
    name: 'IAM',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::Gateway', { AuthorizerType: 'AWS_IAM' }),
    expected: { 'AWS::BedrockAgentCore::Gateway.Res': 'pass' },
  },
  {
    name: 'NONE',
    format: 'cloudformation',
    source: agentcore('AWS::BedrockAgentCore::Gateway', { AuthorizerType: 'NONE' }),
    expected: { 'AWS::BedrockAgentCore::Gateway.Res': 'fail' },
  },
  { name: 'none', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'JWT',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_gateway', 'authorizer_type = "CUSTOM_JWT"'),
    expected: { 'aws_bedrockagentcore_gateway.res': 'pass' },
  },
  {
    name: 'NONE',
    format: 'terraform',
    source: tfAgentcore('aws_bedrockagentcore_gateway', 'authorizer_type = "NONE"'),
    expected: { 'aws_bedrockagentcore_gateway.res': 'fail' },
  },
  { name: 'none', format: 'terraform', source: noneTf, expected: {} },
]);

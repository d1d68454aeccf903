import { bedrockGuardrailCmk } from '../../../src/rules/bedrock/bedrock_guardrail_cmk.js';
import { bedrockGuardrailContextualGrounding } from '../../../src/rules/bedrock/bedrock_guardrail_contextual_grounding.js';
import { bedrockGuardrailDeniedTopics } from '../../../src/rules/bedrock/bedrock_guardrail_denied_topics.js';
import { bedrockGuardrailHarmfulContentFilters } from '../../../src/rules/bedrock/bedrock_guardrail_harmful_content_filters.js';
import { bedrockGuardrailPromptAttackHigh } from '../../../src/rules/bedrock/bedrock_guardrail_prompt_attack_high.js';
import { bedrockGuardrailSensitiveInformationFilter } from '../../../src/rules/bedrock/bedrock_guardrail_sensitive_information_filter.js';
import { bedrockGuardrailsConfigured } from '../../../src/rules/bedrock/bedrock_guardrails_configured.js';
import { cfn, getAtt, runRuleCases } from '../sagemaker/cases.js';

const G = 'AWS::Bedrock::Guardrail.Guardrail';
const TF_G = 'aws_bedrock_guardrail.g';
const noneCfn = cfn({ Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } });
const noneTf = 'resource "aws_s3_bucket" "b" {}';

const kb = {
  Kb: { Type: 'AWS::Bedrock::KnowledgeBase', Properties: { Name: 'kb', RoleArn: 'arn:aws:iam::1:role/kb' } },
};
const guardrail = (
  props: Record<string, unknown>,
  extra: Record<string, { Type: string; Properties?: Record<string, unknown> }> = {},
) =>
  cfn({
    Key: { Type: 'AWS::KMS::Key', Properties: {} },
    Guardrail: {
      Type: 'AWS::Bedrock::Guardrail',
      Properties: { Name: 'g', BlockedInputMessaging: 'no', BlockedOutputsMessaging: 'no', ...props },
    },
    ...extra,
  });
const tfGuardrail = (body: string, extra = '') => `
resource "aws_kms_key" "k" {}
resource "aws_bedrock_guardrail" "g" {
  name                      = "g"
  blocked_input_messaging   = "no"
  blocked_outputs_messaging = "no"
  ${body}
}
${extra}`;
const tfKb =
  'resource "aws_bedrockagent_knowledge_base" "kb" {\n name = "kb"\n role_arn = "arn:aws:iam::1:role/kb"\n}';

const content = (filters: Array<[string, string, string]>) => ({
  ContentPolicyConfig: {
    FiltersConfig: filters.map(([Type, InputStrength, OutputStrength]) => ({
      Type,
      InputStrength,
      OutputStrength,
    })),
  },
});
const tfContent = (filters: Array<[string, string, string]>) =>
  `content_policy_config {\n${filters.map(([t, i, o]) => ` filters_config {\n type = "${t}"\n input_strength = "${i}"\n output_strength = "${o}"\n }`).join('\n')}\n}`;
const harmful = (strength: string): Array<[string, string, string]> =>
  ['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'].map((t) => [t, strength, strength]);

runRuleCases(bedrockGuardrailPromptAttackHigh, [
  {
    name: 'HIGH',
    format: 'cloudformation',
    source: guardrail(content([['PROMPT_ATTACK', 'HIGH', 'NONE']])),
    expected: { [G]: 'pass' },
  },
  {
    name: 'MEDIUM',
    format: 'cloudformation',
    source: guardrail(content([['PROMPT_ATTACK', 'MEDIUM', 'NONE']])),
    expected: { [G]: 'fail' },
    messageIncludes: 'MEDIUM',
  },
  {
    name: 'no prompt attack filter',
    format: 'cloudformation',
    source: guardrail(content(harmful('HIGH'))),
    expected: { [G]: 'fail' },
  },
  {
    name: 'HIGH but detect only',
    format: 'cloudformation',
    source: guardrail({
      ContentPolicyConfig: {
        FiltersConfig: [
          { Type: 'PROMPT_ATTACK', InputStrength: 'HIGH', OutputStrength: 'NONE', InputAction: 'NONE' },
        ],
      },
    }),
    expected: { [G]: 'fail' },
  },
  {
    name: 'strength from a parameter without default',
    format: 'cloudformation',
    source: JSON.stringify({
      Parameters: { S: { Type: 'String' } },
      Resources: {
        Guardrail: {
          Type: 'AWS::Bedrock::Guardrail',
          Properties: {
            ContentPolicyConfig: {
              FiltersConfig: [{ Type: 'PROMPT_ATTACK', InputStrength: { Ref: 'S' }, OutputStrength: 'NONE' }],
            },
          },
        },
      },
    }),
    expected: { [G]: 'unknown' },
  },
  { name: 'no guardrail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'HIGH',
    format: 'terraform',
    source: tfGuardrail(
      tfContent([
        ['HATE', 'LOW', 'LOW'],
        ['PROMPT_ATTACK', 'HIGH', 'NONE'],
      ]),
    ),
    expected: { [TF_G]: 'pass' },
  },
  {
    name: 'LOW',
    format: 'terraform',
    source: tfGuardrail(tfContent([['PROMPT_ATTACK', 'LOW', 'NONE']])),
    expected: { [TF_G]: 'fail' },
  },
  { name: 'no content policy', format: 'terraform', source: tfGuardrail(''), expected: { [TF_G]: 'fail' } },
  { name: 'no guardrail', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockGuardrailHarmfulContentFilters, [
  {
    name: 'all HIGH',
    format: 'cloudformation',
    source: guardrail(content(harmful('HIGH'))),
    expected: { [G]: 'pass' },
  },
  {
    name: 'all LOW',
    format: 'cloudformation',
    source: guardrail(content(harmful('LOW'))),
    expected: { [G]: 'fail' },
  },
  {
    name: 'MISCONDUCT missing',
    format: 'cloudformation',
    source: guardrail(content(harmful('MEDIUM').slice(0, 4))),
    expected: { [G]: 'fail' },
    messageIncludes: 'MISCONDUCT missing',
  },
  { name: 'no guardrail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'all MEDIUM',
    format: 'terraform',
    source: tfGuardrail(tfContent(harmful('MEDIUM'))),
    expected: { [TF_G]: 'pass' },
  },
  {
    name: 'output NONE',
    format: 'terraform',
    source: tfGuardrail(tfContent(harmful('HIGH').map(([t, i]) => [t, i, 'NONE']))),
    expected: { [TF_G]: 'fail' },
  },
  { name: 'no guardrail', format: 'terraform', source: noneTf, expected: {} },
]);

const pii = (entries: Array<Record<string, unknown>>) => ({
  SensitiveInformationPolicyConfig: { PiiEntitiesConfig: entries },
});
const tfPii = (entries: Array<[string, string]>) =>
  `sensitive_information_policy_config {\n${entries.map(([t, a]) => ` pii_entities_config {\n type = "${t}"\n action = "${a}"\n }`).join('\n')}\n}`;
runRuleCases(bedrockGuardrailSensitiveInformationFilter, [
  {
    name: 'email anonymized',
    format: 'cloudformation',
    source: guardrail(pii([{ Type: 'EMAIL', Action: 'ANONYMIZE' }])),
    expected: { [G]: 'pass' },
  },
  {
    name: 'covers the workload PII types',
    format: 'cloudformation',
    source: guardrail(
      pii([
        { Type: 'EMAIL', Action: 'ANONYMIZE' },
        { Type: 'US_SOCIAL_SECURITY_NUMBER', Action: 'BLOCK' },
      ]),
    ),
    workload: { piiEntities: ['email', 'us social security number'] },
    expected: { [G]: 'pass' },
  },
  {
    name: 'misses a workload PII type',
    format: 'cloudformation',
    source: guardrail(pii([{ Type: 'EMAIL', Action: 'ANONYMIZE' }])),
    workload: { piiEntities: ['EMAIL', 'CREDIT_DEBIT_CARD_NUMBER'] },
    expected: { [G]: 'fail' },
    messageIncludes: 'CREDIT_DEBIT_CARD_NUMBER',
  },
  {
    name: 'detect only',
    format: 'cloudformation',
    source: guardrail(pii([{ Type: 'EMAIL', Action: 'NONE' }])),
    expected: { [G]: 'fail' },
  },
  {
    name: 'both directions disabled',
    format: 'cloudformation',
    source: guardrail(pii([{ Type: 'EMAIL', Action: 'BLOCK', InputEnabled: false, OutputEnabled: false }])),
    expected: { [G]: 'fail' },
  },
  {
    name: 'no sensitive information policy',
    format: 'cloudformation',
    source: guardrail({}),
    expected: { [G]: 'fail' },
  },
  { name: 'no guardrail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'name and phone',
    format: 'terraform',
    source: tfGuardrail(
      tfPii([
        ['NAME', 'ANONYMIZE'],
        ['PHONE', 'BLOCK'],
      ]),
    ),
    workload: { piiEntities: ['PHONE'] },
    expected: { [TF_G]: 'pass' },
  },
  {
    name: 'missing workload type',
    format: 'terraform',
    source: tfGuardrail(tfPii([['NAME', 'ANONYMIZE']])),
    workload: { piiEntities: ['PHONE'] },
    expected: { [TF_G]: 'fail' },
  },
  {
    name: 'regex only',
    format: 'terraform',
    source: tfGuardrail(
      'sensitive_information_policy_config {\n regexes_config {\n name = "acct"\n pattern = "ACCT-[0-9]{8}"\n action = "ANONYMIZE"\n }\n}',
    ),
    expected: { [TF_G]: 'pass' },
  },
  { name: 'no guardrail', format: 'terraform', source: noneTf, expected: {} },
]);

const grounding = (filters: Array<[string, number]>) => ({
  ContextualGroundingPolicyConfig: {
    FiltersConfig: filters.map(([Type, Threshold]) => ({ Type, Threshold })),
  },
});
const tfGrounding = (filters: Array<[string, number]>) =>
  `contextual_grounding_policy_config {\n${filters.map(([t, v]) => ` filters_config {\n type = "${t}"\n threshold = ${v}\n }`).join('\n')}\n}`;
runRuleCases(bedrockGuardrailContextualGrounding, [
  {
    name: 'both filters with a knowledge base',
    format: 'cloudformation',
    source: guardrail(
      grounding([
        ['GROUNDING', 0.7],
        ['RELEVANCE', 0.5],
      ]),
      kb,
    ),
    expected: { [G]: 'pass' },
  },
  {
    name: 'relevance missing',
    format: 'cloudformation',
    source: guardrail(grounding([['GROUNDING', 0.7]]), kb),
    expected: { [G]: 'fail' },
    messageIncludes: 'RELEVANCE',
  },
  {
    name: 'threshold 0',
    format: 'cloudformation',
    source: guardrail(
      grounding([
        ['GROUNDING', 0],
        ['RELEVANCE', 0.5],
      ]),
      kb,
    ),
    expected: { [G]: 'fail' },
  },
  {
    name: 'no knowledge base',
    format: 'cloudformation',
    source: guardrail({}),
    expected: { [G]: 'not_applicable' },
  },
  {
    name: 'both filters',
    format: 'terraform',
    source: tfGuardrail(
      tfGrounding([
        ['GROUNDING', 0.8],
        ['RELEVANCE', 0.8],
      ]),
      tfKb,
    ),
    expected: { [TF_G]: 'pass' },
  },
  { name: 'none', format: 'terraform', source: tfGuardrail('', tfKb), expected: { [TF_G]: 'fail' } },
  {
    name: 'no knowledge base',
    format: 'terraform',
    source: tfGuardrail(''),
    expected: { [TF_G]: 'not_applicable' },
  },
]);

runRuleCases(bedrockGuardrailCmk, [
  {
    name: 'key',
    format: 'cloudformation',
    source: guardrail({ KmsKeyArn: getAtt('Key', 'Arn') }),
    expected: { [G]: 'pass' },
  },
  { name: 'no key', format: 'cloudformation', source: guardrail({}), expected: { [G]: 'fail' } },
  { name: 'no guardrail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'key',
    format: 'terraform',
    source: tfGuardrail('kms_key_arn = aws_kms_key.k.arn'),
    expected: { [TF_G]: 'pass' },
  },
  { name: 'no key', format: 'terraform', source: tfGuardrail(''), expected: { [TF_G]: 'fail' } },
  { name: 'no guardrail', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockGuardrailDeniedTopics, [
  {
    name: 'one topic',
    format: 'cloudformation',
    source: guardrail({
      TopicPolicyConfig: {
        TopicsConfig: [{ Name: 'Investing', Definition: 'Advice on investing.', Type: 'DENY' }],
      },
    }),
    expected: { [G]: 'pass' },
  },
  { name: 'no topics', format: 'cloudformation', source: guardrail({}), expected: { [G]: 'fail' } },
  { name: 'no guardrail', format: 'cloudformation', source: noneCfn, expected: {} },
  {
    name: 'one topic',
    format: 'terraform',
    source: tfGuardrail(
      'topic_policy_config {\n topics_config {\n name = "Investing"\n definition = "Advice on investing."\n type = "DENY"\n }\n}',
    ),
    expected: { [TF_G]: 'pass' },
  },
  { name: 'no topics', format: 'terraform', source: tfGuardrail(''), expected: { [TF_G]: 'fail' } },
  { name: 'no guardrail', format: 'terraform', source: noneTf, expected: {} },
]);

runRuleCases(bedrockGuardrailsConfigured, [
  {
    name: 'guardrail with the agent',
    format: 'cloudformation',
    source: guardrail({}, { Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'a' } } }),
    expected: { [G]: 'pass' },
  },
  {
    name: 'agent without any guardrail',
    format: 'cloudformation',
    source: cfn({ Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'a' } } }),
    expected: { 'AWS::Bedrock::Agent.Agent': 'fail' },
  },
  {
    name: 'role invoking models, no guardrail',
    format: 'cloudformation',
    source: cfn({
      AppRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }],
              },
            },
          ],
        },
      },
    }),
    expected: { 'AWS::IAM::Role.AppRole': 'fail' },
  },
  { name: 'no Bedrock use', format: 'cloudformation', source: noneCfn, expected: {} },
  { name: 'guardrail', format: 'terraform', source: tfGuardrail(''), expected: { [TF_G]: 'pass' } },
  {
    name: 'policy invoking models through jsonencode, no guardrail',
    format: 'terraform',
    source:
      'resource "aws_iam_policy" "invoke" {\n name = "invoke"\n policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["bedrock:InvokeModelWithResponseStream"], Resource = "*" }] })\n}',
    expected: { 'aws_iam_policy.invoke': 'fail' },
  },
  { name: 'no Bedrock use', format: 'terraform', source: noneTf, expected: {} },
]);

import { prop } from '../../resources/access.js';
import { isUnknown, type Resource } from '../../resources/types.js';
import { fail, pass, unknown, type GraphRule, type Outcome } from '../types.js';
import { isSet } from '../sagemaker/shared.js';
import { bedrockUsage, isOff } from './shared.js';

export const LOGGING_CONFIG_TYPE = 'aws_bedrock_model_invocation_logging_configuration';

function judgeConfig(config: Resource): Outcome {
  const s3 = prop(config, { terraform: 'logging_config.s3_config' });
  const cw = prop(config, { terraform: 'logging_config.cloudwatch_config' });
  if (isUnknown(s3) || isUnknown(cw))
    return unknown(`${config.address}: log destinations cannot be decided statically`);
  if (!isSet(s3) && !isSet(cw))
    return fail(`${config.address} sends model invocation logs nowhere (no S3 or CloudWatch destination)`);
  const text = prop(config, { terraform: 'logging_config.text_data_delivery_enabled' });
  if (isUnknown(text))
    return unknown(
      `${config.address}: text_data_delivery_enabled cannot be decided statically: ${text.reason}`,
    );
  if (isOff(text)) return fail(`${config.address} turns off delivery of text prompts and responses`);
  return pass(`${config.address} logs model invocations`);
}

export const bedrockModelInvocationLoggingEnabled: GraphRule = {
  kind: 'graph',
  id: 'bedrock_model_invocation_logging_enabled',
  title: 'Bedrock model invocation logging is configured where the workload uses Bedrock',
  severity: 'medium',
  resourceTypes: { cloudformation: [], terraform: [LOGGING_CONFIG_TYPE] },
  rationale:
    'Invocation logs are the only record of what was asked and answered: the evidence for investigating prompt injection, data leakage and misuse. Logging is off in a region until it is configured.',
  remediation: {
    text: 'Configure model invocation logging with an S3 and/or CloudWatch Logs destination and text delivery on. CloudFormation has no resource for it: use Terraform, a custom resource calling PutModelInvocationLoggingConfiguration, or account baseline automation.',
    terraform:
      'resource "aws_bedrock_model_invocation_logging_configuration" "this" {\n  logging_config {\n    text_data_delivery_enabled = true\n    cloudwatch_config {\n      log_group_name = aws_cloudwatch_log_group.bedrock.name\n      role_arn       = aws_iam_role.bedrock_logging.arn\n    }\n    s3_config {\n      bucket_name = aws_s3_bucket.bedrock_logs.id\n      key_prefix  = "invocations"\n    }\n  }\n}',
  },
  controls: ['model-invocation-logging-enabled'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_model_invocation_logging_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluateGraph(ctx) {
    const configs = ctx.graph.byType(LOGGING_CONFIG_TYPE);
    if (configs.length > 0) return configs.map((c) => ({ resource: c, ...judgeConfig(c) }));
    const usage = bedrockUsage(ctx.graph);
    if (usage.length === 0) return [];
    const outcomes: Array<Outcome & { resource: Resource }> = [];
    const terraform = usage.find((r) => r.source !== 'cloudformation' && r.source !== 'cdk');
    if (terraform) {
      outcomes.push({
        resource: terraform,
        ...fail(
          `${terraform.address} uses Bedrock, but no aws_bedrock_model_invocation_logging_configuration is defined in the scanned files`,
        ),
      });
    }
    const template = usage.find((r) => r.source === 'cloudformation' || r.source === 'cdk');
    if (template) {
      outcomes.push({
        resource: template,
        ...unknown(
          `${template.address} uses Bedrock; CloudFormation has no resource for model invocation logging, so whether it is on must be checked in the account (PutModelInvocationLoggingConfiguration)`,
        ),
      });
    }
    return outcomes;
  },
};

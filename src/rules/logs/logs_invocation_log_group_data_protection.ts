import { getPath, isResourceRef, type Resource, type ResourceGraph } from '../../resources/index.js';
import { fail, notApplicable, pass, type ResourceRule } from '../types.js';

// CloudFormation has no resource for the Bedrock invocation logging setting (an account-level API call), so
// the join is decidable in Terraform only.
const LOG_GROUP_TYPES = { cloudformation: [] as string[], terraform: ['aws_cloudwatch_log_group'] };

function logGroupName(group: Resource): string | undefined {
  const name = group.properties['LogGroupName'] ?? group.properties['name'];
  return typeof name === 'string' ? name : undefined;
}

/** Whether `value` (a log group name or ARN attribute) designates the group. */
function designatesGroup(value: unknown, group: Resource): boolean {
  if (isResourceRef(value)) return value.address === group.address;
  const name = logGroupName(group);
  return (
    typeof value === 'string' &&
    name !== undefined &&
    (value === name || value.includes(`:log-group:${name}`))
  );
}

/** The Bedrock model invocation logging configurations that write prompts and completions to the group. */
function invocationLoggers(group: Resource, graph: ResourceGraph): Resource[] {
  return graph
    .byType(
      'aws_bedrock_model_invocation_logging_configuration',
      'AWS::Bedrock::ModelInvocationLoggingConfiguration',
    )
    .filter((c) =>
      designatesGroup(
        getPath(c.properties, 'logging_config.cloudwatch_config.log_group_name') ??
          getPath(c.properties, 'LoggingConfig.CloudWatchConfig.LogGroupName'),
        group,
      ),
    );
}

export const logsInvocationLogGroupDataProtection: ResourceRule = {
  kind: 'resource',
  id: 'logs_invocation_log_group_data_protection',
  title:
    'Log groups that receive Bedrock invocation logs have a data protection policy that masks sensitive data',
  severity: 'medium',
  resourceTypes: LOG_GROUP_TYPES,
  rationale:
    'Model invocation logs hold every prompt and completion, including the personal data, credentials and confidential context users paste in. A CloudWatch Logs data protection policy audits and masks such data in the log group, so reading the logs does not mean reading the secrets.',
  remediation: {
    text: 'Attach a data protection policy with audit and de-identify statements for the data identifiers you expect (names, emails, credentials).',
    cloudformation: `DataProtectionPolicy:
  Name: invocation-logs
  Version: '2021-06-01'
  Statement:
    - Sid: audit
      DataIdentifier: [arn:aws:dataprotection::aws:data-identifier/EmailAddress, arn:aws:dataprotection::aws:data-identifier/AwsSecretKey]
      Operation: { Audit: { FindingsDestination: {} } }
    - Sid: redact
      DataIdentifier: [arn:aws:dataprotection::aws:data-identifier/EmailAddress, arn:aws:dataprotection::aws:data-identifier/AwsSecretKey]
      Operation: { Deidentify: { MaskConfig: {} } }`,
    terraform: `resource "aws_cloudwatch_log_data_protection_policy" "invocations" {
  log_group_name  = aws_cloudwatch_log_group.invocations.name
  policy_document = data.aws_cloudwatch_log_data_protection_policy_document.mask.json
}`,
  },
  controls: ['prompt-and-response-logging-governed', 'invocation-log-cmk-encryption'],
  equivalents: { checkov: [], prowler: [], securityhub: [], cdknag: [] },
  evaluate(resource, ctx) {
    const loggers = invocationLoggers(resource, ctx.graph);
    if (loggers.length === 0)
      return notApplicable(`${resource.address}: receives no scanned Bedrock invocation logs`);
    const by = loggers.map((l) => l.address).join(', ');
    const policy = ctx.graph
      .byType('aws_cloudwatch_log_data_protection_policy')
      .find((p) => designatesGroup(p.properties['log_group_name'], resource));
    if (policy)
      return pass(
        `${resource.address}: receives invocation logs from ${by}; ${policy.address} masks sensitive data`,
      );
    return fail(
      `${resource.address}: receives prompts and completions from ${by} without a data protection policy`,
    );
  },
};

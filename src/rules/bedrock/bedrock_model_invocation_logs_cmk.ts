import { getPath, kmsKeyKind, prop } from '../../resources/access.js';
import { bucketSettings, designatesBucket, S3_BUCKET_TYPES } from '../../resources/s3.js';
import { isResourceRef, isUnknown, type Resource } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule, type RuleContext } from '../types.js';
import { isSet } from '../sagemaker/shared.js';
import { LOGGING_CONFIG_TYPE } from './bedrock_model_invocation_logging_enabled.js';

type Verdict = { ok: true; detail: string } | { ok: false; detail: string } | { undecided: string };

/** Finds the bucket a logging config names: by reference, by its literal name or by its ARN. */
function findBucket(value: unknown, ctx: RuleContext): Resource | undefined {
  return ctx.graph
    .byType(...S3_BUCKET_TYPES.terraform, ...S3_BUCKET_TYPES.cloudformation)
    .find((b) => designatesBucket(value, b) === true);
}

/** The bucket's default encryption, through the shared join over inline and split Terraform resources. */
function bucketKey(bucket: Resource, ctx: RuleContext): Verdict {
  const settings = bucketSettings(bucket, ctx.graph);
  const encryption = settings.encryption?.value;
  if (!encryption) {
    if (settings.undecided.length > 0)
      return { undecided: `bucket ${bucket.address} may be configured by ${settings.undecided[0]?.address}` };
    return { ok: false, detail: `bucket ${bucket.address} has no KMS default encryption (S3 uses SSE-S3)` };
  }
  const algorithm = encryption.algorithm;
  if (isUnknown(algorithm)) return { undecided: `bucket ${bucket.address} encryption algorithm is unknown` };
  if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
    return {
      ok: false,
      detail: `bucket ${bucket.address} uses ${String(algorithm)}, not a customer managed KMS key`,
    };
  }
  const kind = kmsKeyKind(encryption.kmsKeyId, ctx.graph);
  if (isUnknown(kind)) return { undecided: `bucket ${bucket.address} key: ${kind.reason}` };
  if (kind === 'customer-managed')
    return { ok: true, detail: `bucket ${bucket.address} uses a customer managed key` };
  return { ok: false, detail: `bucket ${bucket.address} uses the AWS managed aws/s3 key` };
}

function logGroupKey(value: unknown, ctx: RuleContext): Verdict {
  let group = isResourceRef(value) ? ctx.graph.deref(value) : undefined;
  if (!group && typeof value === 'string')
    group = ctx.graph.byType('aws_cloudwatch_log_group').find((g) => g.properties['name'] === value);
  if (!group) return { undecided: 'the log group is not defined in the scanned files' };
  const kind = kmsKeyKind(prop(group, { terraform: 'kms_key_id', cloudformation: 'KmsKeyId' }), ctx.graph);
  if (isUnknown(kind)) return { undecided: `log group ${group.address} key: ${kind.reason}` };
  if (kind === 'customer-managed')
    return { ok: true, detail: `log group ${group.address} uses a customer managed key` };
  return { ok: false, detail: `log group ${group.address} is not encrypted with a customer managed KMS key` };
}

export const bedrockModelInvocationLogsCmk: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_model_invocation_logs_cmk',
  title:
    'Bedrock model invocation logs are encrypted with a customer managed KMS key in S3 and CloudWatch Logs',
  severity: 'high',
  resourceTypes: { cloudformation: [], terraform: [LOGGING_CONFIG_TYPE] },
  rationale:
    'Invocation logs hold full prompts and responses, including any personal data and secrets users typed. They need the same protection as the most sensitive data the model sees.',
  remediation: {
    text: 'Encrypt the log bucket with SSE-KMS under a customer managed key and set kms_key_id on the log group.',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {\n  bucket = aws_s3_bucket.bedrock_logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.logs.arn\n    }\n  }\n}\n\nresource "aws_cloudwatch_log_group" "bedrock" {\n  name       = "/aws/bedrock/invocations"\n  kms_key_id = aws_kms_key.logs.arn\n}',
  },
  controls: ['invocation-log-cmk-encryption'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_model_invocation_logs_encryption_enabled'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const verdicts: Verdict[] = [];
    const s3 = prop(resource, { terraform: 'logging_config.s3_config' });
    if (isSet(s3)) {
      const bucket = findBucket(getPath(s3, 'bucket_name'), ctx);
      verdicts.push(
        bucket ? bucketKey(bucket, ctx) : { undecided: 'the log bucket is not defined in the scanned files' },
      );
    }
    const cw = prop(resource, { terraform: 'logging_config.cloudwatch_config' });
    if (isSet(cw)) {
      verdicts.push(logGroupKey(getPath(cw, 'log_group_name'), ctx));
      const large = getPath(cw, 'large_data_delivery_s3_config.bucket_name');
      if (isSet(large)) {
        const bucket = findBucket(large, ctx);
        verdicts.push(
          bucket
            ? bucketKey(bucket, ctx)
            : { undecided: 'the large-data bucket is not defined in the scanned files' },
        );
      }
    }
    if (verdicts.length === 0) return fail(`${resource.address} has no log destination to encrypt`);
    const failures = verdicts.flatMap((v) => ('ok' in v && !v.ok ? [v.detail] : []));
    if (failures.length > 0) return fail(`${resource.address}: ${failures.join('; ')}`);
    const undecided = verdicts.find((v): v is { undecided: string } => 'undecided' in v);
    if (undecided) return unknown(`${resource.address}: ${undecided.undecided}`);
    return pass(`${resource.address}: ${verdicts.map((v) => ('detail' in v ? v.detail : '')).join('; ')}`);
  },
};

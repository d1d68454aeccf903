import { asArray, getPath, isUnknown, type Resource, type Unknown } from '../../resources/index.js';

export const SECURITY_CONFIGURATION_TYPES = {
  cloudformation: ['AWS::Glue::SecurityConfiguration'],
  terraform: ['aws_glue_security_configuration'],
};

/** The encryption settings a Glue security configuration leaves off; Unknown when one cannot be read. */
export function missingEncryption(config: Resource): string[] | Unknown {
  const cfn = config.source === 'cloudformation' || config.source === 'cdk';
  const base = cfn ? 'EncryptionConfiguration' : 'encryption_configuration';
  const s3Modes = asArray(
    getPath(config.properties, cfn ? `${base}.S3Encryptions` : `${base}.s3_encryption`),
  ).map((e) => getPath(e, cfn ? 'S3EncryptionMode' : 's3_encryption_mode'));
  const cloudwatch = getPath(
    config.properties,
    cfn
      ? `${base}.CloudWatchEncryption.CloudWatchEncryptionMode`
      : `${base}.cloudwatch_encryption.cloudwatch_encryption_mode`,
  );
  const bookmarks = getPath(
    config.properties,
    cfn
      ? `${base}.JobBookmarksEncryption.JobBookmarksEncryptionMode`
      : `${base}.job_bookmarks_encryption.job_bookmarks_encryption_mode`,
  );
  for (const v of [...s3Modes, cloudwatch, bookmarks]) if (isUnknown(v)) return v;
  const missing: string[] = [];
  if (!s3Modes.some((m) => m === 'SSE-KMS' || m === 'SSE-S3')) missing.push('S3 encryption');
  if (cloudwatch !== 'SSE-KMS') missing.push('CloudWatch Logs encryption');
  if (bookmarks !== 'CSE-KMS') missing.push('job bookmark encryption');
  return missing;
}

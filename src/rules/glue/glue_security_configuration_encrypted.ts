import { isUnknown } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { SECURITY_CONFIGURATION_TYPES, missingEncryption } from './security-configuration.js';

export const glueSecurityConfigurationEncrypted: ResourceRule = {
  kind: 'resource',
  id: 'glue_security_configuration_encrypted',
  title: 'Glue security configurations encrypt S3 output, CloudWatch logs and job bookmarks',
  severity: 'medium',
  resourceTypes: SECURITY_CONFIGURATION_TYPES,
  rationale:
    'Glue jobs prepare training and retrieval data. Their S3 output, logs (which can echo records) and bookmarks (which reveal what was processed) need encryption; a security configuration that leaves one off protects only part of the pipeline.',
  remediation: {
    text: 'Set S3 encryption (SSE-KMS), CloudWatch encryption (SSE-KMS) and job bookmark encryption (CSE-KMS) with a customer managed key.',
    cloudformation: `EncryptionConfiguration:
  S3Encryptions:
    - S3EncryptionMode: SSE-KMS
      KmsKeyArn: !GetAtt GlueKey.Arn
  CloudWatchEncryption:
    CloudWatchEncryptionMode: SSE-KMS
    KmsKeyArn: !GetAtt GlueKey.Arn
  JobBookmarksEncryption:
    JobBookmarksEncryptionMode: CSE-KMS
    KmsKeyArn: !GetAtt GlueKey.Arn`,
    terraform: `encryption_configuration {
  s3_encryption {
    s3_encryption_mode = "SSE-KMS"
    kms_key_arn        = aws_kms_key.glue.arn
  }
  cloudwatch_encryption {
    cloudwatch_encryption_mode = "SSE-KMS"
    kms_key_arn                = aws_kms_key.glue.arn
  }
  job_bookmarks_encryption {
    job_bookmarks_encryption_mode = "CSE-KMS"
    kms_key_arn                   = aws_kms_key.glue.arn
  }
}`,
  },
  controls: ['training-data-cmk-encryption'],
  equivalents: {
    checkov: ['CKV_AWS_99'],
    prowler: [],
    securityhub: [],
    cdknag: ['AwsSolutions-GL1', 'AwsSolutions-GL3'],
  },
  evaluate(resource) {
    const missing = missingEncryption(resource);
    if (isUnknown(missing))
      return unknown(`${resource.address}: cannot be decided statically: ${missing.reason}`);
    if (missing.length > 0) return fail(`${resource.address}: leaves ${missing.join(', ')} off`);
    return pass(`${resource.address}: encrypts S3 output, CloudWatch logs and job bookmarks`);
  },
};

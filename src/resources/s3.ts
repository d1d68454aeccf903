import { getPath } from './access.js';
import { designatesResource, normalizePolicyDocument, type NormalizedPolicy } from './iam.js';
import { isUnknown, type Resource, type ResourceGraph, type Unknown } from './types.js';

/** A setting and the resource it was read from (the bucket or a split Terraform resource). */
export interface Found<T> {
  value: T;
  from: Resource;
}

/**
 * A bucket's settings gathered from the bucket and the resources configured apart from it
 * (CloudFormation `AWS::S3::BucketPolicy`; Terraform AWS provider v4+ `aws_s3_bucket_versioning`,
 * `_server_side_encryption_configuration`, `_logging`, `_public_access_block`, `_policy`,
 * `_object_lock_configuration`, `_acl`). A field is undefined when nothing sets it.
 * `undecided` lists split resources whose `bucket` cannot be resolved: they might configure this bucket.
 */
export interface BucketSettings {
  encryption?: Found<{ algorithm: unknown; kmsKeyId: unknown; bucketKeyEnabled: unknown }>;
  /** 'Enabled' | 'Suspended' | 'Disabled' as written, or Unknown. */
  versioning?: Found<unknown>;
  logging?: Found<{ targetBucket: unknown }>;
  publicAccessBlock?: Found<{
    blockPublicAcls: unknown;
    blockPublicPolicy: unknown;
    ignorePublicAcls: unknown;
    restrictPublicBuckets: unknown;
  }>;
  policies: Array<Found<NormalizedPolicy | Unknown | undefined>>;
  objectLock?: Found<unknown>;
  acl?: Found<unknown>;
  undecided: Resource[];
}

const SPLIT_TYPES = [
  'AWS::S3::BucketPolicy',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_logging',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_object_lock_configuration',
  'aws_s3_bucket_acl',
];

function tfEncryption(
  block: unknown,
): { algorithm: unknown; kmsKeyId: unknown; bucketKeyEnabled: unknown } | undefined {
  const rule = getPath(block, 'rule');
  if (rule === undefined) return undefined;
  return {
    algorithm: getPath(rule, 'apply_server_side_encryption_by_default.sse_algorithm'),
    kmsKeyId: getPath(rule, 'apply_server_side_encryption_by_default.kms_master_key_id'),
    bucketKeyEnabled: getPath(rule, 'bucket_key_enabled'),
  };
}

export function bucketSettings(bucket: Resource, graph: ResourceGraph): BucketSettings {
  const p = bucket.properties;
  const s: BucketSettings = { policies: [], undecided: [] };
  const at = <T>(value: T, from: Resource = bucket): Found<T> => ({ value, from });

  if (bucket.type === 'AWS::S3::Bucket') {
    const enc = getPath(p, 'BucketEncryption.ServerSideEncryptionConfiguration');
    if (enc !== undefined)
      s.encryption = at({
        algorithm: getPath(enc, 'ServerSideEncryptionByDefault.SSEAlgorithm'),
        kmsKeyId: getPath(enc, 'ServerSideEncryptionByDefault.KMSMasterKeyID'),
        bucketKeyEnabled: getPath(enc, 'BucketKeyEnabled'),
      });
    if (p['VersioningConfiguration'] !== undefined)
      s.versioning = at(getPath(p, 'VersioningConfiguration.Status'));
    if (p['LoggingConfiguration'] !== undefined)
      s.logging = at({ targetBucket: getPath(p, 'LoggingConfiguration.DestinationBucketName') });
    const pab = p['PublicAccessBlockConfiguration'];
    if (pab !== undefined)
      s.publicAccessBlock = at({
        blockPublicAcls: getPath(pab, 'BlockPublicAcls'),
        blockPublicPolicy: getPath(pab, 'BlockPublicPolicy'),
        ignorePublicAcls: getPath(pab, 'IgnorePublicAcls'),
        restrictPublicBuckets: getPath(pab, 'RestrictPublicBuckets'),
      });
    const lock = p['ObjectLockEnabled'] ?? getPath(p, 'ObjectLockConfiguration.ObjectLockEnabled');
    if (lock !== undefined) s.objectLock = at(lock);
    if (p['AccessControl'] !== undefined) s.acl = at(p['AccessControl']);
  } else {
    const enc = tfEncryption(p['server_side_encryption_configuration']);
    if (enc) s.encryption = at(enc);
    if (p['versioning'] !== undefined) {
      const enabled = getPath(p, 'versioning.enabled');
      s.versioning = at(
        isUnknown(enabled) ? enabled : enabled === true || enabled === 'true' ? 'Enabled' : 'Suspended',
      );
    }
    if (p['logging'] !== undefined) s.logging = at({ targetBucket: getPath(p, 'logging.target_bucket') });
    if (p['policy'] !== undefined) s.policies.push(at(normalizePolicyDocument(p['policy'])));
    const lock = p['object_lock_enabled'] ?? getPath(p, 'object_lock_configuration.object_lock_enabled');
    if (lock !== undefined) s.objectLock = at(lock);
    if (p['acl'] !== undefined) s.acl = at(p['acl']);
  }

  const names = [p['BucketName'], p['bucket']];
  for (const other of graph.byType(...SPLIT_TYPES)) {
    const target = other.properties['Bucket'] ?? other.properties['bucket'];
    if (isUnknown(target)) {
      s.undecided.push(other);
      continue;
    }
    if (
      !designatesResource(target, bucket, names) &&
      !(
        typeof target === 'string' &&
        names.some((n) => typeof n === 'string' && target === `arn:aws:s3:::${n}`)
      )
    )
      continue;
    const o = other.properties;
    switch (other.type) {
      case 'AWS::S3::BucketPolicy':
        s.policies.push(at(normalizePolicyDocument(o['PolicyDocument']), other));
        break;
      case 'aws_s3_bucket_policy':
        s.policies.push(at(normalizePolicyDocument(o['policy']), other));
        break;
      case 'aws_s3_bucket_versioning':
        s.versioning = at(getPath(o, 'versioning_configuration.status'), other);
        break;
      case 'aws_s3_bucket_server_side_encryption_configuration': {
        const enc = tfEncryption(o);
        if (enc) s.encryption = at(enc, other);
        break;
      }
      case 'aws_s3_bucket_logging':
        s.logging = at({ targetBucket: o['target_bucket'] }, other);
        break;
      case 'aws_s3_bucket_public_access_block':
        s.publicAccessBlock = at(
          {
            blockPublicAcls: o['block_public_acls'],
            blockPublicPolicy: o['block_public_policy'],
            ignorePublicAcls: o['ignore_public_acls'],
            restrictPublicBuckets: o['restrict_public_buckets'],
          },
          other,
        );
        break;
      case 'aws_s3_bucket_object_lock_configuration':
        s.objectLock = at(o['object_lock_enabled'] ?? 'Enabled', other);
        break;
      case 'aws_s3_bucket_acl':
        s.acl = at(o['acl'] ?? o['access_control_policy'], other);
        break;
    }
  }
  return s;
}

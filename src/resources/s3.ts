import { getPath } from './access.js';
import { normalizePolicyDocument, type NormalizedPolicy } from './iam.js';
import { isResourceRef, isUnknown, type Resource, type ResourceGraph, type Unknown } from './types.js';

export const S3_BUCKET_TYPES = { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] };

/** The bucket's name as written, when it is a literal. */
export function bucketName(bucket: Resource): string | undefined {
  const name = bucket.properties['BucketName'] ?? bucket.properties['bucket'];
  return typeof name === 'string' ? name : undefined;
}

/** Every literal name the bucket is written with; an empty name is left out because it names no bucket. */
function literalNames(bucket: Resource): string[] {
  const names = [bucket.properties['BucketName'], bucket.properties['bucket']].filter(
    (n): n is string => typeof n === 'string' && n !== '',
  );
  return [...new Set(names)];
}

/**
 * The bucket names a string written in a `bucket`/`Bucket` attribute can stand for: the string itself,
 * or for an S3 ARN (any partition) the bucket part after `:::`. What follows a `/` in an ARN is an
 * object key, so `arn:aws:s3:::other/alpha` names the bucket `other`, never `alpha`.
 */
function namesWrittenIn(value: string): string[] {
  const at = value.indexOf(':::');
  if (!value.startsWith('arn:') || at === -1) return value === '' ? [] : [value];
  const name = value.slice(at + 3).split('/')[0] ?? '';
  return name === '' ? [] : [name];
}

/**
 * Whether `value` (a `bucket`/`Bucket` attribute, a log target, a trail's bucket) designates `bucket`: a
 * reference to it, its literal name, or an S3 ARN of it or of an object in it. An Unknown value is returned
 * as is: it might be this bucket.
 */
export function designatesBucket(value: unknown, bucket: Resource): boolean | Unknown {
  if (isResourceRef(value)) return value.address === bucket.address;
  if (isUnknown(value)) return value;
  if (typeof value !== 'string') return false;
  const names = literalNames(bucket);
  return namesWrittenIn(value).some((n) => names.includes(n));
}

export interface BucketCompanions {
  found: Resource[];
  /** Set when a resource of the wanted type names a bucket that cannot be resolved, so it may be this one. */
  undecided?: Unknown;
  /** The resources of the wanted types whose bucket cannot be resolved, in graph order. */
  unresolved: Resource[];
}

interface CompanionIndex {
  byKey: Map<string, Resource[]>;
  unresolved: Array<{ resource: Resource; reason: Unknown }>;
}

const companionIndexes = new WeakMap<ResourceGraph, Map<string, CompanionIndex>>();

/**
 * Setting resources of the given types keyed by every bucket they may name (reference or literal name),
 * built once per graph so that a rule run over many buckets does not rescan the split resources for each.
 */
function companionIndex(graph: ResourceGraph, types: readonly string[]): CompanionIndex {
  let perGraph = companionIndexes.get(graph);
  if (!perGraph) companionIndexes.set(graph, (perGraph = new Map()));
  const cacheKey = types.join('|');
  const cached = perGraph.get(cacheKey);
  if (cached) return cached;
  const index: CompanionIndex = { byKey: new Map(), unresolved: [] };
  const add = (key: string, candidate: Resource): void => {
    const list = index.byKey.get(key);
    if (list) list.push(candidate);
    else index.byKey.set(key, [candidate]);
  };
  for (const candidate of graph.byType(...types)) {
    const value = candidate.properties['bucket'] ?? candidate.properties['Bucket'];
    if (isResourceRef(value)) add(`ref:${value.address}`, candidate);
    else if (isUnknown(value)) index.unresolved.push({ resource: candidate, reason: value });
    else if (typeof value === 'string')
      for (const name of namesWrittenIn(value)) add(`name:${name}`, candidate);
  }
  perGraph.set(cacheKey, index);
  return index;
}

/**
 * Resources of the given types configured apart from the bucket that designate it (as `designatesBucket`
 * decides): Terraform v4+ split resources (`aws_s3_bucket_versioning`, `aws_s3_bucket_public_access_block`,
 * ...) and CloudFormation `AWS::S3::BucketPolicy`. Those naming it by reference come first.
 */
export function bucketCompanions(
  bucket: Resource,
  graph: ResourceGraph,
  types: readonly string[],
): BucketCompanions {
  const index = companionIndex(graph, types);
  const found = new Set(index.byKey.get(`ref:${bucket.address}`));
  for (const name of literalNames(bucket))
    for (const companion of index.byKey.get(`name:${name}`) ?? []) found.add(companion);
  const unresolved = index.unresolved.map((u) => u.resource);
  const undecided = index.unresolved[0]?.reason;
  return undecided ? { found: [...found], undecided, unresolved } : { found: [...found], unresolved };
}

/**
 * For a setting resource configured apart from its bucket (a Terraform split resource or a bucket
 * policy): the scanned bucket it configures, which is where the setting is judged. When the bucket is
 * not in the scanned files, the rule judges the setting resource on its own.
 */
export function configuredBucket(setting: Resource, graph: ResourceGraph): Resource | undefined {
  const target = setting.properties['bucket'] ?? setting.properties['Bucket'];
  return graph
    .byType(...S3_BUCKET_TYPES.cloudformation, ...S3_BUCKET_TYPES.terraform)
    .find((b) => designatesBucket(target, b) === true);
}

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

/** The resources that configure a bucket apart from it, which `bucketSettings` reads. */
export const S3_SPLIT_RESOURCE_TYPES = [
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

  const { found, unresolved } = bucketCompanions(bucket, graph, S3_SPLIT_RESOURCE_TYPES);
  s.undecided.push(...unresolved);
  for (const other of found) {
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

import type { Unknown } from '../../resources/index.js';
import { isResourceRef, isUnknown, type Resource, type ResourceGraph } from '../../resources/index.js';

export const BUCKET_TYPES = { cloudformation: ['AWS::S3::Bucket'], terraform: ['aws_s3_bucket'] };

/** The bucket's name as written, when it is a literal. */
export function bucketName(bucket: Resource): string | undefined {
  const name = bucket.properties['BucketName'] ?? bucket.properties['bucket'];
  return typeof name === 'string' ? name : undefined;
}

/** Whether `value` (a `bucket`/`Bucket` attribute) designates `bucket`: a reference to it or its literal name. */
export function designates(
  value: unknown,
  target: Resource,
  literalName = bucketName(target),
): boolean | Unknown {
  if (isResourceRef(value)) return value.address === target.address;
  if (isUnknown(value)) return value;
  if (typeof value === 'string' && literalName !== undefined)
    return value === literalName || value.endsWith(`:::${literalName}`);
  return false;
}

export interface Companions {
  found: Resource[];
  /** Set when a resource of the wanted type names a bucket that cannot be resolved, so it may be this one. */
  undecided?: Unknown;
}

/**
 * Resources configured apart from the bucket that name it: Terraform v4+ split resources
 * (`aws_s3_bucket_versioning`, `aws_s3_bucket_public_access_block`, ...) and CloudFormation
 * `AWS::S3::BucketPolicy`.
 */
interface CompanionIndex {
  byKey: Map<string, Resource[]>;
  unresolved: Array<{ resource: Resource; reason: Unknown }>;
}

const companionIndexes = new WeakMap<ResourceGraph, Map<string, CompanionIndex>>();

/** Setting resources of the given types keyed by the bucket they name (reference or literal name), built once per graph. */
function companionIndex(graph: ResourceGraph, types: string[]): CompanionIndex {
  let perGraph = companionIndexes.get(graph);
  if (!perGraph) companionIndexes.set(graph, (perGraph = new Map()));
  const cacheKey = types.join('|');
  const cached = perGraph.get(cacheKey);
  if (cached) return cached;
  const index: CompanionIndex = { byKey: new Map(), unresolved: [] };
  for (const candidate of graph.byType(...types)) {
    const value = candidate.properties['bucket'] ?? candidate.properties['Bucket'];
    let key: string | undefined;
    if (isResourceRef(value)) key = `ref:${value.address}`;
    else if (isUnknown(value)) index.unresolved.push({ resource: candidate, reason: value });
    else if (typeof value === 'string')
      key = `name:${value.includes(':::') ? value.slice(value.indexOf(':::') + 3) : value}`;
    if (key) index.byKey.set(key, [...(index.byKey.get(key) ?? []), candidate]);
  }
  perGraph.set(cacheKey, index);
  return index;
}

export function bucketCompanions(bucket: Resource, graph: ResourceGraph, types: string[]): Companions {
  const index = companionIndex(graph, types);
  const name = bucketName(bucket);
  const found = [
    ...(index.byKey.get(`ref:${bucket.address}`) ?? []),
    ...(name === undefined ? [] : (index.byKey.get(`name:${name}`) ?? [])),
  ];
  const undecided = index.unresolved[0]?.reason;
  return undecided ? { found, undecided } : { found };
}

/**
 * For a setting resource configured apart from its bucket (a Terraform split resource or a bucket
 * policy): the scanned bucket it configures, which is where the setting is judged. When the bucket is
 * not in the scanned files, the rule judges the setting resource on its own.
 */
export function configuredBucket(setting: Resource, graph: ResourceGraph): Resource | undefined {
  const target = setting.properties['bucket'] ?? setting.properties['Bucket'];
  return graph
    .byType(...BUCKET_TYPES.cloudformation, ...BUCKET_TYPES.terraform)
    .find((b) => designates(target, b) === true);
}

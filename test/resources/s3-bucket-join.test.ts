import { describe, expect, it } from 'vitest';
import {
  bucketCompanions,
  bucketSettings,
  configuredBucket,
  designatesBucket,
  isUnknown,
  ResourceRef,
  S3_SPLIT_RESOURCE_TYPES,
  Unknown,
  type BucketSettings,
  type Resource,
  type ResourceGraph,
} from '../../src/resources/index.js';
import { loadText } from '../helpers/evaluate.js';

const TWO_BUCKETS = `resource "aws_s3_bucket" "a" { bucket = "alpha" }
resource "aws_s3_bucket" "b" { bucket = "beta" }
resource "aws_s3_bucket_versioning" "a_by_ref" {
  bucket = aws_s3_bucket.a.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_policy" "a_by_arn" {
  bucket = "arn:aws:s3:::alpha"
  policy = "{}"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "b_by_name" {
  bucket = "beta"
  rule {
    apply_server_side_encryption_by_default { sse_algorithm = "AES256" }
  }
}
resource "aws_s3_bucket_logging" "b_by_partition_arn" {
  bucket        = "arn:aws-cn:s3:::beta"
  target_bucket = "logs"
}
resource "aws_s3_bucket_acl" "b_by_ref" {
  bucket = aws_s3_bucket.b.id
  acl    = "private"
}
resource "aws_s3_bucket_object_lock_configuration" "elsewhere" {
  bucket = "gamma"
}
resource "aws_s3_bucket_public_access_block" "unknown" {
  bucket            = var.target
  block_public_acls = true
}
variable "target" {}
`;

/** The split resources bucketSettings read a setting from, in no particular order. */
function settingSources(settings: BucketSettings, bucket: Resource): string[] {
  const single = [
    settings.encryption,
    settings.versioning,
    settings.logging,
    settings.publicAccessBlock,
    settings.objectLock,
    settings.acl,
  ];
  return [...single, ...settings.policies]
    .flatMap((found) => (found && found.from !== bucket ? [found.from.address] : []))
    .sort();
}

function bucket(graph: ResourceGraph, address: string): Resource {
  const found = graph.byAddress(address);
  if (!found) throw new Error(`${address} is not in the graph`);
  return found;
}

describe('S3 bucket join', () => {
  it('bucketSettings and bucketCompanions agree on which split resources configure which bucket', async () => {
    const graph = await loadText(TWO_BUCKETS, 'terraform');
    const expected: Record<string, string[]> = {
      'aws_s3_bucket.a': ['aws_s3_bucket_policy.a_by_arn', 'aws_s3_bucket_versioning.a_by_ref'],
      'aws_s3_bucket.b': [
        'aws_s3_bucket_acl.b_by_ref',
        'aws_s3_bucket_logging.b_by_partition_arn',
        'aws_s3_bucket_server_side_encryption_configuration.b_by_name',
      ],
    };
    for (const [address, companions] of Object.entries(expected)) {
      const b = bucket(graph, address);
      const joined = bucketCompanions(b, graph, S3_SPLIT_RESOURCE_TYPES);
      const settings = bucketSettings(b, graph);
      expect(joined.found.map((r) => r.address).sort()).toEqual(companions);
      expect(settingSources(settings, b)).toEqual(companions);
      // A split resource whose bucket is Unknown might configure either bucket: both joins leave it undecided.
      expect(settings.undecided.map((r) => r.address)).toEqual(['aws_s3_bucket_public_access_block.unknown']);
      expect(joined.unresolved).toEqual(settings.undecided);
      expect(isUnknown(joined.undecided)).toBe(true);
      expect(settings.publicAccessBlock).toBeUndefined();
    }
    // Joined from the other side, each split resource finds the bucket it was joined to.
    for (const [address, companions] of Object.entries(expected))
      for (const companion of companions)
        expect(configuredBucket(bucket(graph, companion), graph)?.address).toBe(address);
    expect(
      configuredBucket(bucket(graph, 'aws_s3_bucket_object_lock_configuration.elsewhere'), graph),
    ).toBeUndefined();
  });

  it('designatesBucket accepts a reference, the literal name and an ARN in any partition, not an object key', async () => {
    const graph = await loadText(TWO_BUCKETS, 'terraform');
    const alpha = bucket(graph, 'aws_s3_bucket.a');
    expect(designatesBucket(new ResourceRef('aws_s3_bucket.a', 'id'), alpha)).toBe(true);
    expect(designatesBucket(new ResourceRef('aws_s3_bucket.b', 'id'), alpha)).toBe(false);
    expect(designatesBucket('alpha', alpha)).toBe(true);
    expect(designatesBucket('arn:aws:s3:::alpha', alpha)).toBe(true);
    expect(designatesBucket('arn:aws-us-gov:s3:::alpha', alpha)).toBe(true);
    expect(designatesBucket('arn:aws:s3:::alpha/logs/*', alpha)).toBe(true);
    expect(designatesBucket('arn:aws:s3:::other/alpha', alpha)).toBe(false);
    expect(designatesBucket('logs/alpha', alpha)).toBe(false);
    expect(designatesBucket('alphabet', alpha)).toBe(false);
    expect(designatesBucket('arn:aws:s3:::alpha-2', alpha)).toBe(false);
    expect(designatesBucket(42, alpha)).toBe(false);
    const unresolved = new Unknown('var.target is not set');
    expect(designatesBucket(unresolved, alpha)).toBe(unresolved);
  });

  it('an unnamed bucket is designated only by reference', async () => {
    const graph = await loadText(
      `resource "aws_s3_bucket" "unnamed" { bucket = "" }
resource "aws_s3_bucket_versioning" "v" {
  bucket = ""
  versioning_configuration { status = "Enabled" }
}
`,
      'terraform',
    );
    const unnamed = bucket(graph, 'aws_s3_bucket.unnamed');
    expect(designatesBucket('', unnamed)).toBe(false);
    expect(bucketCompanions(unnamed, graph, S3_SPLIT_RESOURCE_TYPES).found).toEqual([]);
    expect(bucketSettings(unnamed, graph).versioning).toBeUndefined();
  });
});

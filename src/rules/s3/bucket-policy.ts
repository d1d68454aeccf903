import { type Unknown, type Resource, type ResourceGraph, bucketCompanions } from '../../resources/index.js';
import { readPolicyDocument, type LocatedPolicy } from '../iam/policy-document.js';

/** The bucket policies that apply to a bucket: inline (Terraform v3 `policy`) and separate policy resources. */
export function bucketPolicies(
  bucket: Resource,
  graph: ResourceGraph,
): { policies: LocatedPolicy[]; undecided?: Unknown } {
  const policies: LocatedPolicy[] = [];
  const inline = readPolicyDocument(bucket.properties['policy'], graph);
  if (inline !== undefined) policies.push({ where: 'policy', statements: inline });
  const { found, undecided } = bucketCompanions(bucket, graph, [
    'AWS::S3::BucketPolicy',
    'aws_s3_bucket_policy',
  ]);
  for (const p of found) {
    const doc = readPolicyDocument(p.properties['PolicyDocument'] ?? p.properties['policy'], graph);
    if (doc !== undefined) policies.push({ where: p.address, statements: doc });
  }
  return undecided ? { policies, undecided } : { policies };
}

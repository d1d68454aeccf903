/**
 * The resource model and the joins rules need (owned by the IaC loader; rules import from here).
 *
 * - types: Resource, ResourceGraph, Unknown, ResourceRef.
 * - graph: buildGraph(resources) with byType / byAddress / deref(ref) / referrers(resource).
 * - access: prop(resource, { cloudformation, terraform }), getPath, asBoolean, asArray, kmsKeyKind.
 * - iam: policiesOfRole(role, graph) -> every inline, customer-managed and AWS-managed policy attached
 *   to a role (CloudFormation and Terraform forms), with documents normalized by
 *   normalizePolicyDocument (Action/Resource always arrays; JSON strings from jsonencode, heredocs and
 *   aws_iam_policy_document parsed); roleOf(value, graph) follows a RoleArn to the role.
 * - s3: bucketSettings(bucket, graph) -> encryption, versioning, logging, public access block,
 *   policies, object lock and ACL gathered across the bucket and Terraform's split S3 resources;
 *   bucketCompanions(bucket, graph, types) is the indexed join behind it (the split resources or bucket
 *   policies that designate a bucket), configuredBucket(setting, graph) the same join from the other
 *   side, designatesBucket(value, bucket) the one test of "this value names this bucket".
 */
export * from './types.js';
export * from './graph.js';
export * from './access.js';
export * from './iam.js';
export * from './s3.js';

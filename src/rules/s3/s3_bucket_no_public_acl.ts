import { getPath, isUnknown, S3_BUCKET_TYPES, bucketCompanions } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';

const PUBLIC_CANNED_ACLS = new Set([
  'publicread',
  'publicreadwrite',
  'authenticatedread',
  'public-read',
  'public-read-write',
  'authenticated-read',
]);
const PUBLIC_GRANTEE_URIS = [
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
];

export const s3BucketNoPublicAcl: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_no_public_acl',
  title: 'S3 bucket ACLs grant nothing to everyone or to all authenticated AWS users',
  severity: 'critical',
  resourceTypes: S3_BUCKET_TYPES,
  rationale:
    'A public-read or authenticated-read ACL exposes every object, including datasets, embeddings and model weights, to anyone on the internet or any AWS account. Write grants let anyone poison training data.',
  remediation: {
    text: 'Remove the canned ACL (use BucketOwnerEnforced object ownership so ACLs are disabled) and grant access through bucket policies to named principals.',
    cloudformation: `OwnershipControls:
  Rules:
    - ObjectOwnership: BucketOwnerEnforced`,
    terraform: `resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
  },
  controls: ['data-bucket-public-access-blocked'],
  equivalents: {
    checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV_AWS_375'],
    prowler: ['s3_bucket_public_access', 's3_bucket_public_list_acl', 's3_bucket_public_write_acl'],
    securityhub: ['S3.2', 'S3.3'],
    cdknag: ['NIST.800.53.R5-S3BucketPublicReadProhibited', 'NIST.800.53.R5-S3BucketPublicWriteProhibited'],
  },
  evaluate(resource, ctx) {
    const cfn = resource.source === 'cloudformation' || resource.source === 'cdk';
    const acls: unknown[] = [cfn ? resource.properties['AccessControl'] : resource.properties['acl']];
    const grants: unknown[] = [];
    if (!cfn) {
      grants.push(...[resource.properties['grant']].flat());
      for (const acl of bucketCompanions(resource, ctx.graph, ['aws_s3_bucket_acl']).found) {
        acls.push(acl.properties['acl']);
        grants.push(...[getPath(acl.properties, 'access_control_policy')].flat());
      }
    }
    for (const acl of acls) {
      if (isUnknown(acl)) return unknown(`${resource.address}: cannot be decided statically: ${acl.reason}`);
      if (typeof acl === 'string' && PUBLIC_CANNED_ACLS.has(acl.toLowerCase())) {
        return fail(`${resource.address}: canned ACL ${acl} opens the bucket to the public`);
      }
    }
    const text = JSON.stringify(grants.filter((g) => g !== undefined && !isUnknown(g)));
    const grantee = PUBLIC_GRANTEE_URIS.find((uri) => text.includes(uri));
    if (grantee) return fail(`${resource.address}: an ACL grant names the group ${grantee}`);
    return pass(`${resource.address}: no ACL grants public or all-authenticated-users access`);
  },
};

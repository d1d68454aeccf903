import {
  asBoolean,
  getPath,
  isUnknown,
  S3_BUCKET_TYPES,
  bucketCompanions,
  configuredBucket,
} from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';

const SPLIT_TYPE = 'aws_s3_bucket_versioning';

export const s3BucketVersioningEnabled: ResourceRule = {
  kind: 'resource',
  id: 's3_bucket_versioning_enabled',
  title: 'S3 buckets keep object versions',
  severity: 'medium',
  resourceTypes: {
    cloudformation: S3_BUCKET_TYPES.cloudformation,
    terraform: [...S3_BUCKET_TYPES.terraform, SPLIT_TYPE],
  },
  rationale:
    'Versioning lets you recover training data and model artifacts that were overwritten or deleted, and lets you prove which version of a dataset a model was trained on, which is the basis of data-poisoning investigations.',
  remediation: {
    text: 'Enable versioning on the bucket (and a lifecycle rule that expires noncurrent versions if cost matters).',
    cloudformation: `VersioningConfiguration:
  Status: Enabled`,
    terraform: `resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
  },
  controls: ['dataset-versioning-enabled', 'training-data-backup'],
  equivalents: {
    checkov: ['CKV_AWS_21'],
    prowler: ['s3_bucket_object_versioning'],
    securityhub: ['S3.14'],
    cdknag: ['NIST.800.53.R5-S3BucketVersioningEnabled', 'HIPAA.Security-S3BucketVersioningEnabled'],
  },
  evaluate(resource, ctx) {
    let status: unknown;
    if (resource.type === SPLIT_TYPE) {
      const bucket = configuredBucket(resource, ctx.graph);
      if (bucket)
        return notApplicable(`${resource.address}: judged on the bucket it configures, ${bucket.address}`);
      status = getPath(resource.properties, 'versioning_configuration.status');
    } else if (resource.source === 'cloudformation' || resource.source === 'cdk') {
      status = getPath(resource.properties, 'VersioningConfiguration.Status');
    } else {
      const inline = asBoolean(getPath(resource.properties, 'versioning.enabled'));
      if (inline !== undefined) status = isUnknown(inline) ? inline : inline ? 'Enabled' : 'Suspended';
      else {
        const { found, undecided } = bucketCompanions(resource, ctx.graph, [SPLIT_TYPE]);
        if (found[0]) status = getPath(found[0].properties, 'versioning_configuration.status');
        else if (undecided)
          return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
      }
    }
    if (isUnknown(status))
      return unknown(`${resource.address}: cannot be decided statically: ${status.reason}`);
    if (status === 'Enabled') return pass(`${resource.address}: versioning is enabled`);
    return fail(
      `${resource.address}: versioning is ${typeof status === 'string' ? status : 'not configured'}`,
    );
  },
};

import {
  asArray,
  getPath,
  isUnknown,
  type Resource,
  type ResourceGraph,
  type Unknown,
  bucketName,
  S3_BUCKET_TYPES,
} from '../../resources/index.js';
import { fail, pass, unknown, type GraphRule } from '../types.js';
import { addressesIn } from './references.js';

const RECORDER_TYPES = [
  'AWS::CloudTrail::Trail',
  'aws_cloudtrail',
  'AWS::CloudTrail::EventDataStore',
  'aws_cloudtrail_event_data_store',
];
const BUCKET_TYPES = [...S3_BUCKET_TYPES.cloudformation, ...S3_BUCKET_TYPES.terraform];

/** Where AI resources name the buckets that hold their training data, documents or model artifacts. */
const AI_DATA_PATHS: Record<string, string[]> = {
  'AWS::Bedrock::DataSource': ['DataSourceConfiguration.S3Configuration.BucketArn'],
  aws_bedrockagent_data_source: ['data_source_configuration.s3_configuration.bucket_arn'],
  'AWS::SageMaker::Model': ['PrimaryContainer.ModelDataUrl', 'Containers.ModelDataUrl'],
  aws_sagemaker_model: ['primary_container.model_data_url', 'container.model_data_url'],
  'AWS::SageMaker::FeatureGroup': ['OfflineStoreConfig.S3StorageConfig.S3Uri'],
  aws_sagemaker_feature_group: ['offline_store_config.s3_storage_config.s3_uri'],
  aws_bedrock_custom_model: [
    'training_data_config.s3_uri',
    'validation_data_config.validator.s3_uri',
    'output_data_config.s3_uri',
  ],
};

/** Whether a string or reference designates the bucket: a reference, a placeholder, an ARN or an s3:// URI. */
function namesBucket(value: unknown, bucket: Resource, graph: ResourceGraph): boolean {
  if (addressesIn(value, graph).has(bucket.address)) return true;
  const name = bucketName(bucket);
  if (name === undefined) return false;
  return asArray(value).some(
    (v) =>
      typeof v === 'string' &&
      (v.startsWith(`s3://${name}/`) || v === `s3://${name}` || v.startsWith(`arn:aws:s3:::${name}`)),
  );
}

/** The scanned buckets that hold AI training data, knowledge-base documents or model artifacts, with who uses them. */
function aiBuckets(graph: ResourceGraph): Map<Resource, Resource[]> {
  const buckets = graph.byType(...BUCKET_TYPES);
  const found = new Map<Resource, Resource[]>();
  for (const [type, paths] of Object.entries(AI_DATA_PATHS)) {
    for (const user of graph.byType(type)) {
      for (const path of paths) {
        const value = getPath(user.properties, path);
        if (value === undefined) continue;
        for (const bucket of buckets)
          if (namesBucket(value, bucket, graph)) found.set(bucket, [...(found.get(bucket) ?? []), user]);
      }
    }
  }
  return found;
}

/** A selector value that covers every bucket (`arn:aws:s3`, `arn:aws:s3:::`) or names this one. */
function valueCovers(value: unknown, bucket: Resource, graph: ResourceGraph): boolean {
  return asArray(value).some(
    (v) => (typeof v === 'string' && /^arn:aws[a-z-]*:s3(:::)?$/.test(v)) || namesBucket(v, bucket, graph),
  );
}

function recordsObjectEvents(recorder: Resource, bucket: Resource, graph: ResourceGraph): boolean | Unknown {
  const cfn = recorder.source === 'cloudformation' || recorder.source === 'cdk';
  const basic = recorder.properties[cfn ? 'EventSelectors' : 'event_selector'];
  const advanced = recorder.properties[cfn ? 'AdvancedEventSelectors' : 'advanced_event_selector'];
  if (isUnknown(basic)) return basic;
  if (isUnknown(advanced)) return advanced;
  for (const selector of asArray(basic)) {
    for (const resource of asArray(getPath(selector, cfn ? 'DataResources' : 'data_resource'))) {
      if (getPath(resource, cfn ? 'Type' : 'type') !== 'AWS::S3::Object') continue;
      if (valueCovers(getPath(resource, cfn ? 'Values' : 'values'), bucket, graph)) return true;
    }
  }
  for (const selector of asArray(advanced)) {
    let data = false;
    let objects = false;
    let arnSelector: unknown[] | undefined;
    for (const field of asArray(getPath(selector, cfn ? 'FieldSelectors' : 'field_selector'))) {
      const name = getPath(field, cfn ? 'Field' : 'field');
      const values = [
        ...asArray(getPath(field, cfn ? 'Equals' : 'equals')),
        ...asArray(getPath(field, cfn ? 'StartsWith' : 'starts_with')),
      ];
      if (name === 'eventCategory' && values.includes('Data')) data = true;
      if (name === 'resources.type' && values.includes('AWS::S3::Object')) objects = true;
      if (name === 'resources.ARN') arnSelector = values;
    }
    if (data && objects && (arnSelector === undefined || valueCovers(arnSelector, bucket, graph)))
      return true;
  }
  return false;
}

export const cloudtrailAiBucketDataEvents: GraphRule = {
  kind: 'graph',
  id: 'cloudtrail_ai_bucket_data_events',
  title:
    'Buckets holding training data, knowledge-base documents or model artifacts have their object events recorded by CloudTrail',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::S3::Bucket', 'AWS::CloudTrail::Trail', 'AWS::CloudTrail::EventDataStore'],
    terraform: ['aws_s3_bucket', 'aws_cloudtrail', 'aws_cloudtrail_event_data_store'],
  },
  rationale:
    'Reads and writes of individual objects are data events, absent from CloudTrail unless a selector asks for them. For the buckets that feed a knowledge base, hold training sets or serve model artifacts they are the record of who read the data (exfiltration) and who changed it (poisoning). The rule applies to buckets that scanned Bedrock data sources, SageMaker models and feature groups, or Bedrock custom models use, when the scanned code declares a trail or event data store.',
  remediation: {
    text: 'Add an S3 data event selector (or an advanced selector on AWS::S3::Object) that covers the bucket.',
    cloudformation: `EventSelectors:
  - ReadWriteType: All
    IncludeManagementEvents: true
    DataResources:
      - Type: AWS::S3::Object
        Values: [!Sub '\${TrainingData.Arn}/']`,
    terraform: `event_selector {
  read_write_type           = "All"
  include_management_events = true
  data_resource {
    type   = "AWS::S3::Object"
    values = ["\${aws_s3_bucket.training.arn}/"]
  }
}`,
  },
  controls: ['cloudtrail-ai-data-events'],
  equivalents: {
    checkov: [],
    prowler: ['cloudtrail_s3_dataevents_read_enabled', 'cloudtrail_s3_dataevents_write_enabled'],
    securityhub: ['S3.22', 'S3.23'],
    cdknag: [],
  },
  evaluateGraph(ctx) {
    const recorders = ctx.graph.byType(...RECORDER_TYPES);
    if (recorders.length === 0) return [];
    return [...aiBuckets(ctx.graph)].map(([bucket, users]) => {
      const by = users.map((u) => u.address).join(', ');
      let undecided: Unknown | undefined;
      for (const recorder of recorders) {
        const covers = recordsObjectEvents(recorder, bucket, ctx.graph);
        if (covers === true)
          return {
            resource: bucket,
            ...pass(`${bucket.address}: object events (used by ${by}) are recorded by ${recorder.address}`),
          };
        if (isUnknown(covers)) undecided ??= covers;
      }
      if (undecided)
        return {
          resource: bucket,
          ...unknown(`${bucket.address}: cannot be decided statically: ${undecided.reason}`),
        };
      return {
        resource: bucket,
        ...fail(
          `${bucket.address}: holds data for ${by}, but no scanned trail records its object-level events`,
        ),
      };
    });
  },
};

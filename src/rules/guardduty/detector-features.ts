import {
  asArray,
  asBoolean,
  getPath,
  isUnknown,
  type Resource,
  type ResourceGraph,
  type Unknown,
} from '../../resources/index.js';

export const DETECTOR_TYPES = {
  cloudformation: ['AWS::GuardDuty::Detector'],
  terraform: ['aws_guardduty_detector'],
};

/**
 * Whether one of the named GuardDuty features is ENABLED on a detector: in CloudFormation `Features`,
 * in Terraform separate `aws_guardduty_detector_feature` resources; `legacy` reads the older DataSources
 * block (S3 logs) where it applies.
 */
export function featureEnabled(
  detector: Resource,
  graph: ResourceGraph,
  names: string[],
  legacy?: { cloudformation: string; terraform: string },
): boolean | Unknown {
  const cfn = detector.source === 'cloudformation' || detector.source === 'cdk';
  const entries: Array<{ name: unknown; status: unknown }> = [];
  if (cfn) {
    const features = detector.properties['Features'];
    if (isUnknown(features)) return features;
    for (const f of asArray(features))
      entries.push({ name: getPath(f, 'Name'), status: getPath(f, 'Status') });
  } else {
    for (const f of graph.referrers(detector).filter((r) => r.type === 'aws_guardduty_detector_feature')) {
      entries.push({ name: f.properties['name'], status: f.properties['status'] });
    }
  }
  for (const { name, status } of entries) {
    if (typeof name === 'string' && names.includes(name)) {
      if (isUnknown(status)) return status;
      if (status === 'ENABLED') return true;
    }
  }
  if (legacy) {
    const value = asBoolean(getPath(detector.properties, cfn ? legacy.cloudformation : legacy.terraform));
    if (value !== undefined) return value;
  }
  return false;
}

import { asBoolean, isUnknown, prop } from '../../resources/index.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { TRAIL_TYPES } from './trail-types.js';

export const cloudtrailMultiRegion: ResourceRule = {
  kind: 'resource',
  id: 'cloudtrail_multi_region',
  title: 'CloudTrail trails cover all Regions',
  severity: 'high',
  resourceTypes: TRAIL_TYPES,
  rationale:
    'Attackers who steal credentials invoke models in Regions nobody watches ("LLM jacking"). A single-Region trail misses those calls; a multi-Region trail records them wherever they happen.',
  remediation: {
    text: 'Make the trail multi-Region.',
    cloudformation: `IsMultiRegionTrail: true`,
    terraform: `is_multi_region_trail = true`,
  },
  controls: ['cloudtrail-multi-region-validated'],
  equivalents: {
    checkov: ['CKV_AWS_67'],
    prowler: ['cloudtrail_multi_region_enabled'],
    securityhub: ['CloudTrail.1'],
    cdknag: [],
  },
  evaluate(resource) {
    const enabled = asBoolean(
      prop(resource, { cloudformation: 'IsMultiRegionTrail', terraform: 'is_multi_region_trail' }),
    );
    if (isUnknown(enabled))
      return unknown(`${resource.address}: cannot be decided statically: ${enabled.reason}`);
    if (enabled === true) return pass(`${resource.address}: records events in all Regions`);
    return fail(`${resource.address}: records only its home Region (the default)`);
  },
};

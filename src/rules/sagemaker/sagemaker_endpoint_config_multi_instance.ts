import { isUnknown } from '../../resources/types.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { asNumber, field, isSet, listOf } from './shared.js';

export const sagemakerEndpointConfigMultiInstance: ResourceRule = {
  kind: 'resource',
  id: 'sagemaker_endpoint_config_multi_instance',
  title: 'SageMaker endpoint production variants start with more than one instance',
  severity: 'medium',
  resourceTypes: {
    cloudformation: ['AWS::SageMaker::EndpointConfig'],
    terraform: ['aws_sagemaker_endpoint_configuration'],
  },
  rationale:
    'With one instance a variant has no redundancy: an instance or Availability Zone failure takes inference down. SageMaker spreads two or more instances across zones.',
  remediation: {
    text: 'Set InitialInstanceCount to 2 or more on every instance-based production variant.',
    cloudformation:
      'ProductionVariants:\n  - VariantName: primary\n    ModelName: !GetAtt Model.ModelName\n    InstanceType: ml.m5.large\n    InitialInstanceCount: 2',
    terraform:
      'production_variants {\n  variant_name           = "primary"\n  model_name             = aws_sagemaker_model.m.name\n  instance_type          = "ml.m5.large"\n  initial_instance_count = 2\n}',
  },
  controls: ['inference-endpoint-redundancy'],
  equivalents: {
    checkov: [],
    prowler: ['sagemaker_endpoint_config_prod_variant_instances'],
    securityhub: ['SageMaker.4'],
    cdknag: [],
  },
  evaluate(resource) {
    const variants = listOf(resource, {
      cloudformation: 'ProductionVariants',
      terraform: 'production_variants',
    });
    if (isUnknown(variants))
      return unknown(`${resource.address}: production variants cannot be read: ${variants.reason}`);
    const instanceBased = variants.filter(
      (v) =>
        !isSet(field(resource, v, { cloudformation: 'ServerlessConfig', terraform: 'serverless_config' })),
    );
    if (instanceBased.length === 0)
      return notApplicable(`${resource.address} has no instance-based production variants`);
    const single: string[] = [];
    for (const [i, v] of instanceBased.entries()) {
      const name = String(
        field(resource, v, { cloudformation: 'VariantName', terraform: 'variant_name' }) ?? `#${i}`,
      );
      const count = asNumber(
        field(resource, v, { cloudformation: 'InitialInstanceCount', terraform: 'initial_instance_count' }),
      );
      if (isUnknown(count))
        return unknown(
          `${resource.address}: instance count of variant ${name} cannot be decided statically: ${count.reason}`,
        );
      // Absent count is allowed only with managed instance scaling; it starts at one instance.
      if (count === undefined || count < 2) single.push(`${name} (${count ?? 'unset'})`);
    }
    if (single.length === 0)
      return pass(`${resource.address} starts every production variant with two or more instances`);
    return fail(
      `${resource.address} has production variants with fewer than two instances: ${single.join(', ')}`,
    );
  },
};

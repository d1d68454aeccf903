import { asArray, getPath, isUnknown, type Resource, type ResourceGraph } from '../../resources/index.js';

export const REST_STAGE_TYPES = {
  cloudformation: ['AWS::ApiGateway::Stage'],
  terraform: ['aws_api_gateway_stage'],
};
export const ANY_STAGE_TYPES = {
  cloudformation: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  terraform: ['aws_api_gateway_stage', 'aws_apigatewayv2_stage'],
};

/** Method settings that apply to a stage: inline (CloudFormation) or `aws_api_gateway_method_settings` that reference it. */
export function stageMethodSettings(
  stage: Resource,
  graph: ResourceGraph,
): Array<{ origin: string; settings: unknown }> {
  if (stage.source === 'cloudformation' || stage.source === 'cdk') {
    const inline = stage.properties['MethodSettings'];
    if (isUnknown(inline)) return [{ origin: stage.address, settings: inline }];
    return asArray(inline).map((settings) => ({ origin: stage.address, settings }));
  }
  return graph
    .referrers(stage)
    .filter((r) => r.type === 'aws_api_gateway_method_settings')
    .map((r) => ({ origin: r.address, settings: getPath(r.properties, 'settings') }));
}

/** A positive number, as templates write it (number or numeric string). Terraform uses -1 for "not set". */
export function positiveNumber(value: unknown): boolean {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

import { policiesOfRole, roleOf } from '../../resources/iam.js';
import {
  asArray,
  getPath,
  isResourceRef,
  isUnknown,
  type Resource,
  type ResourceGraph,
} from '../../resources/index.js';
import { iamPatternMatches } from '../iam/policy-document.js';

/** Actions that call a model, a knowledge base or an agent. */
const MODEL_ACTIONS = [
  'bedrock:InvokeModel',
  'bedrock:InvokeModelWithResponseStream',
  'bedrock:Converse',
  'bedrock:ConverseStream',
  'bedrock:InvokeAgent',
  'bedrock:RetrieveAndGenerate',
  'bedrock:Retrieve',
  'sagemaker:InvokeEndpoint',
  'sagemaker:InvokeEndpointWithResponseStream',
  'sagemaker:InvokeEndpointAsync',
];
const MODEL_MANAGED_POLICIES = /\/(AmazonBedrockFullAccess|AmazonSageMakerFullAccess|AdministratorAccess)$/;

/** Where resources that always sit on the inference path list their security groups. */
const SECURITY_GROUP_PATHS: Record<string, string[]> = {
  'AWS::SageMaker::NotebookInstance': ['SecurityGroupIds'],
  'AWS::SageMaker::Model': ['VpcConfig.SecurityGroupIds'],
  'AWS::SageMaker::Domain': ['DefaultUserSettings.SecurityGroups', 'DomainSettings.SecurityGroupIds'],
  'AWS::OpenSearchService::Domain': ['VPCOptions.SecurityGroupIds'],
  'AWS::Elasticsearch::Domain': ['VPCOptions.SecurityGroupIds'],
  'AWS::OpenSearchServerless::VpcEndpoint': ['SecurityGroupIds'],
  aws_sagemaker_notebook_instance: ['security_groups'],
  aws_sagemaker_model: ['vpc_config.security_group_ids'],
  aws_sagemaker_domain: ['default_user_settings.security_groups', 'domain_settings.security_group_ids'],
  aws_opensearch_domain: ['vpc_options.security_group_ids'],
  aws_elasticsearch_domain: ['vpc_options.security_group_ids'],
  aws_opensearchserverless_vpc_endpoint: ['security_group_ids'],
};
const FUNCTION_PATHS: Record<string, string> = {
  'AWS::Lambda::Function': 'VpcConfig.SecurityGroupIds',
  'AWS::Serverless::Function': 'VpcConfig.SecurityGroupIds',
  aws_lambda_function: 'vpc_config.security_group_ids',
};
const LOAD_BALANCER_PATHS: Record<string, string> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'SecurityGroups',
  aws_lb: 'security_groups',
  aws_alb: 'security_groups',
};
const ENDPOINT_TYPES = new Set(['AWS::EC2::VPCEndpoint', 'aws_vpc_endpoint']);
const AI_ENDPOINT_SERVICE = /(bedrock|sagemaker)/i;
const LISTENER_TYPES = new Set([
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'aws_lb_listener',
  'aws_alb_listener',
  'aws_lb_listener_rule',
  'aws_alb_listener_rule',
]);
const TARGET_GROUP_TYPES = new Set([
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'aws_lb_target_group',
  'aws_alb_target_group',
]);
const FUNCTION_TYPES = new Set(Object.keys(FUNCTION_PATHS));

function listsGroup(value: unknown, group: Resource): boolean {
  return asArray(value).some((v) => isResourceRef(v) && v.address === group.address);
}

/** Resource addresses referenced anywhere inside a value. */
function refsIn(value: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 16 || value === null || typeof value !== 'object' || isUnknown(value)) return out;
  if (isResourceRef(value)) out.add(value.address);
  else if (Array.isArray(value)) for (const v of value) refsIn(v, out, depth + 1);
  else for (const v of Object.values(value as Record<string, unknown>)) refsIn(v, out, depth + 1);
  return out;
}

/** Whether a function's execution role may call a model, agent or knowledge base. */
const roleVerdicts = new WeakMap<ResourceGraph, Map<string, boolean>>();

export function invokesModels(fn: Resource, graph: ResourceGraph): boolean {
  const role = roleOf(fn.properties['Role'] ?? fn.properties['role'], graph);
  if (!role) return false;
  let verdicts = roleVerdicts.get(graph);
  if (!verdicts) roleVerdicts.set(graph, (verdicts = new Map()));
  const known = verdicts.get(role.address);
  if (known !== undefined) return known;
  const verdict = roleCallsModels(role, graph);
  verdicts.set(role.address, verdict);
  return verdict;
}

function roleCallsModels(role: Resource, graph: ResourceGraph): boolean {
  return policiesOfRole(role, graph).some((policy) => {
    if (policy.arn) return MODEL_MANAGED_POLICIES.test(policy.arn);
    if (!policy.document || isUnknown(policy.document)) return false;
    return policy.document.Statement.some(
      (s) =>
        s.Effect === 'Allow' &&
        (s.Action ?? []).some(
          (a) => typeof a === 'string' && MODEL_ACTIONS.some((action) => iamPatternMatches(a, action)),
        ),
    );
  });
}

/** Whether a load balancer forwards, through its listeners and target groups, to a function that calls models. */
function frontsModelApi(lb: Resource, graph: ResourceGraph): boolean {
  const listeners = graph.referrers(lb).filter((r) => LISTENER_TYPES.has(r.type));
  const rules = listeners.flatMap((l) => graph.referrers(l).filter((r) => LISTENER_TYPES.has(r.type)));
  const targetGroups = new Set<Resource>();
  for (const l of [...listeners, ...rules]) {
    for (const address of refsIn(l.properties)) {
      const target = graph.byAddress(address);
      if (target && TARGET_GROUP_TYPES.has(target.type)) targetGroups.add(target);
    }
  }
  for (const tg of targetGroups) {
    const targets = [...refsIn(tg.properties)];
    for (const attachment of graph.referrers(tg)) targets.push(...refsIn(attachment.properties));
    for (const address of targets) {
      const target = graph.byAddress(address);
      if (target && FUNCTION_TYPES.has(target.type) && invokesModels(target, graph)) return true;
    }
  }
  return false;
}

/**
 * The inference-path resources that use a security group: model hosting, notebooks and ML domains,
 * vector stores, Bedrock/SageMaker interface endpoints, functions whose role calls models, and load
 * balancers that forward to such functions.
 */
export function inferencePathUsers(group: Resource, graph: ResourceGraph): Resource[] {
  return graph.referrers(group).filter((r) => {
    if (ENDPOINT_TYPES.has(r.type)) {
      const service = r.properties['ServiceName'] ?? r.properties['service_name'];
      return (
        typeof service === 'string' &&
        AI_ENDPOINT_SERVICE.test(service) &&
        listsGroup(r.properties['SecurityGroupIds'] ?? r.properties['security_group_ids'], group)
      );
    }
    const paths = SECURITY_GROUP_PATHS[r.type];
    if (paths) return paths.some((p) => listsGroup(getPath(r.properties, p), group));
    const fnPath = FUNCTION_PATHS[r.type];
    if (fnPath) return listsGroup(getPath(r.properties, fnPath), group) && invokesModels(r, graph);
    const lbPath = LOAD_BALANCER_PATHS[r.type];
    if (lbPath) return listsGroup(getPath(r.properties, lbPath), group) && frontsModelApi(r, graph);
    return false;
  });
}

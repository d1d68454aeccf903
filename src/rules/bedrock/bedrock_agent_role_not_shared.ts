import { prop } from '../../resources/access.js';
import { isResourceRef, isUnknown, type Resource } from '../../resources/types.js';
import { fail, pass, unknown, type ResourceRule } from '../types.js';
import { isSet } from '../sagemaker/shared.js';
import { AGENT_TYPES, agents } from './shared.js';

const ROLE_PATHS = { cloudformation: 'AgentResourceRoleArn', terraform: 'agent_resource_role_arn' };

/** A comparable key for a role reference: the target address, or the ARN text. */
function roleKey(value: unknown): string | undefined {
  if (isResourceRef(value)) return `ref:${value.address}`;
  if (typeof value === 'string' && value !== '') return `arn:${value}`;
  return undefined;
}

export const bedrockAgentRoleNotShared: ResourceRule = {
  kind: 'resource',
  id: 'bedrock_agent_role_not_shared',
  title: 'Each Bedrock agent has its own execution role',
  severity: 'medium',
  resourceTypes: AGENT_TYPES,
  rationale:
    'Agents that share a role share every permission: a prompt injection in the least trusted agent can use the knowledge bases, models and tools meant for another.',
  remediation: {
    text: "Create one execution role per agent, scoped to that agent's model, knowledge bases and action groups.",
    cloudformation:
      'SupportAgent:\n  Type: AWS::Bedrock::Agent\n  Properties:\n    AgentResourceRoleArn: !GetAtt SupportAgentRole.Arn',
    terraform:
      'resource "aws_bedrockagent_agent" "support" {\n  agent_resource_role_arn = aws_iam_role.support_agent.arn\n}',
  },
  controls: ['agent-dedicated-execution-role'],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_agent_role_not_shared_across_agents'],
    securityhub: [],
    cdknag: [],
  },
  evaluate(resource, ctx) {
    const own = prop(resource, ROLE_PATHS);
    if (isUnknown(own))
      return unknown(`${resource.address}: role cannot be decided statically: ${own.reason}`);
    if (!isSet(own)) return unknown(`${resource.address} names no execution role in the template`);
    const key = roleKey(own);
    if (key === undefined) return unknown(`${resource.address}: its role is not a reference or an ARN`);
    const sharing: Resource[] = agents(ctx.graph).filter(
      (other) => other !== resource && roleKey(prop(other, ROLE_PATHS)) === key,
    );
    if (sharing.length === 0)
      return pass(`${resource.address} does not share its execution role with another agent`);
    return fail(
      `${resource.address} shares its execution role with ${sharing.map((r) => r.address).join(', ')}`,
    );
  },
};

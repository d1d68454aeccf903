import { isUnknown } from '../../resources/index.js';
import { fail, notApplicable, pass, unknown, type ResourceRule } from '../types.js';
import { attachedAwsManaged, POLICY_ATTACHMENT_TYPES } from './managed-policies.js';
import {
  and,
  appliesToAllResources,
  identityPolicies,
  IDENTITY_POLICY_TYPES,
  isAllow,
  judgeStatements,
  patternCoversWholeService,
  type PolicyStatement,
  type Tri,
} from './policy-document.js';

const SERVICES = ['bedrock', 'sagemaker', 's3'];
const FULL_ACCESS_POLICIES = ['AmazonBedrockFullAccess', 'AmazonSageMakerFullAccess', 'AmazonS3FullAccess'];

function grantsWholeAiService(statement: PolicyStatement): Tri {
  let undecided: Tri = false;
  for (const action of statement.actions) {
    if (isUnknown(action)) {
      undecided = action;
      continue;
    }
    // A bare "*" is the administrator rule's finding.
    if (action === '*' || action === '*:*') continue;
    if (SERVICES.some((svc) => patternCoversWholeService(action, svc))) return true;
  }
  return undecided;
}

export const iamPolicyNoAiServiceWildcard: ResourceRule = {
  kind: 'resource',
  id: 'iam_policy_no_ai_service_wildcard',
  title: 'IAM policies do not grant bedrock:*, sagemaker:* or s3:* on all resources',
  severity: 'high',
  resourceTypes: {
    cloudformation: IDENTITY_POLICY_TYPES.cloudformation,
    terraform: [...IDENTITY_POLICY_TYPES.terraform, ...POLICY_ATTACHMENT_TYPES],
  },
  rationale:
    'bedrock:* on * lets a principal invoke every model, read every knowledge base, delete guardrails and change logging; sagemaker:* on * lets it start training on any data and replace model endpoints; s3:* on * reaches every training set and artifact. AmazonBedrockFullAccess, AmazonSageMakerFullAccess and AmazonS3FullAccess do the same. A compromised application or prompt-injected agent with such a role has the whole AI estate.',
  remediation: {
    text: 'Grant the specific actions the workload needs (e.g. bedrock:InvokeModel) on the specific model, knowledge base, bucket or endpoint ARNs, instead of the service wildcard or full-access managed policies.',
    cloudformation: `- Effect: Allow
  Action: bedrock:InvokeModel
  Resource: !Sub 'arn:aws:bedrock:\${AWS::Region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'`,
    terraform: `statement {
  actions   = ["bedrock:InvokeModel"]
  resources = ["arn:aws:bedrock:\${var.region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]
}`,
  },
  controls: [
    'ai-roles-least-privilege',
    'no-full-access-managed-policies',
    'model-invocation-scoped-to-models',
  ],
  equivalents: {
    checkov: [],
    prowler: ['bedrock_full_access_policy_attached'],
    securityhub: [],
    cdknag: ['AwsSolutions-IAM5'],
  },
  evaluate(resource, ctx) {
    const managed = attachedAwsManaged(resource, FULL_ACCESS_POLICIES);
    if (managed.found.length > 0) return fail(`${resource.address}: attaches ${managed.found.join(', ')}`);
    if (POLICY_ATTACHMENT_TYPES.includes(resource.type)) {
      if (managed.undecided)
        return unknown(`${resource.address}: cannot be decided statically: ${managed.undecided.reason}`);
      return pass(`${resource.address}: attaches no full-access policy for Bedrock, SageMaker or S3`);
    }
    const policies = identityPolicies(resource, ctx.graph);
    if (policies === 'used-elsewhere')
      return notApplicable(`${resource.address}: judged where the document is used`);
    if (policies.length === 0 && !managed.undecided)
      return notApplicable(`${resource.address}: holds no policy document`);
    const verdict = judgeStatements(policies, (s) =>
      and(isAllow(s), grantsWholeAiService(s), appliesToAllResources(s)),
    );
    if (verdict.offending.length > 0) {
      return fail(
        `${resource.address}: grants a whole AI data service (bedrock, sagemaker or s3) on Resource "*" (${verdict.offending.join(', ')})`,
      );
    }
    const undecided = verdict.undecided ?? managed.undecided;
    if (undecided) return unknown(`${resource.address}: cannot be decided statically: ${undecided.reason}`);
    return pass(`${resource.address}: grants no bedrock:*, sagemaker:* or s3:* on Resource "*"`);
  },
};

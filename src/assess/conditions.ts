import type { AssessContext } from './context.js';

/**
 * Conditions beyond the control's scopes under which a control applies. The catalog says where a
 * control can apply (scopes); these say whether this system has the thing the control is about.
 */
interface Condition {
  holds(ctx: AssessContext): boolean;
  /** Why the control does not apply when the condition fails. */
  otherwise: string;
}

const SENSITIVE = new Set(['pii', 'phi', 'payment-card']);

export const CONDITIONS = {
  'eu-ai-act': {
    holds: (ctx) => ctx.regulations.has('EU-AI-Act'),
    otherwise: 'the EU AI Act does not apply (no EU residents, EU jurisdiction or EU market)',
  },
  'eu-high-risk': {
    holds: (ctx) => ctx.regulations.has('EU-AI-Act') && ctx.euAiActTier === 'high',
    otherwise: 'only for EU AI Act high-risk systems',
  },
  gdpr: {
    holds: (ctx) => ctx.regulations.has('GDPR'),
    otherwise: 'GDPR does not apply (no EU/EEA data subjects)',
  },
  'gdpr-or-high-risk': {
    holds: (ctx) =>
      ctx.regulations.has('GDPR') || (ctx.regulations.has('EU-AI-Act') && ctx.euAiActTier === 'high'),
    otherwise: 'only under GDPR or for EU AI Act high-risk systems',
  },
  regulated: {
    holds: (ctx) => ctx.regulations.size > 0,
    otherwise: 'no regulation with incident reporting duties applies (HIPAA, GDPR, PCI DSS, EU AI Act)',
  },
  'gpai-provider': {
    holds: (ctx) => ctx.manifest.models.some((m) => m.generalPurpose === true && m.customization !== 'none'),
    otherwise:
      'only for providers of a general-purpose AI model (a generalPurpose model the team trains or tunes)',
  },
  generative: {
    holds: (ctx) => ctx.generative,
    otherwise: 'not a generative AI system (no general-purpose model, no chat, no generated content)',
  },
  'interacts-with-people': {
    holds: (ctx) =>
      ctx.manifest.useCase.interactsWithPeople || ctx.manifest.useCase.generatesSyntheticContent,
    otherwise: 'people do not interact with it and it generates no synthetic content',
  },
  agents: {
    holds: (ctx) => ctx.agents,
    otherwise: 'no agent (Bedrock agent, AgentCore) in the scanned infrastructure',
  },
  rag: {
    holds: (ctx) => ctx.rag,
    otherwise: 'no knowledge base or vector store in the scanned infrastructure',
  },
  'public-endpoint': {
    holds: (ctx) => ctx.publicEndpoint,
    otherwise:
      'no API Gateway, load balancer, function URL or CloudFront distribution in the scanned infrastructure',
  },
  'third-party-models': {
    holds: (ctx) =>
      ctx.manifest.models.some((m) => m.customization !== 'self-trained' && m.provider !== 'self'),
    otherwise: 'every model is trained by the team',
  },
  'sensitive-training-data': {
    holds: (ctx) => ctx.trainingDatasets.some((d) => d.classification.some((c) => SENSITIVE.has(c))),
    otherwise: 'no training dataset is classified pii, phi or payment-card',
  },
  'training-data': {
    holds: (ctx) => ctx.trainingDatasets.length > 0,
    otherwise: 'no model declares training datasets',
  },
} satisfies Record<string, Condition>;

export type ConditionId = keyof typeof CONDITIONS;

/** Control id -> conditions that must all hold. Controls not listed apply at every scope they name. */
export const CONTROL_CONDITIONS: Readonly<Record<string, readonly ConditionId[]>> = {
  'high-risk-ai-conformity-assessed': ['eu-high-risk'],
  'post-market-monitoring-plan': ['eu-high-risk'],
  'human-oversight-defined': ['eu-high-risk'],
  'serious-incident-reporting': ['regulated'],
  'gpai-provider-documentation': ['gpai-provider'],
  'gpai-systemic-risk-evaluated': ['gpai-provider'],
  'ai-interaction-disclosed': ['interacts-with-people'],
  'dpia-completed': ['gdpr-or-high-risk'],
  'records-of-processing-updated': ['gdpr'],
  'pii-discovery-before-training': ['training-data'],
  'training-data-masking': ['sensitive-training-data'],
  'differential-privacy-for-sensitive-training': ['sensitive-training-data'],
  'guardrail-attached-to-invocations': ['generative'],
  'guardrail-prompt-attack-filter': ['generative'],
  'guardrail-content-filters': ['generative'],
  'guardrail-pii-filter': ['generative'],
  'guardrail-denied-topics': ['generative'],
  'guardrail-contextual-grounding': ['generative', 'rag'],
  'guardrail-version-pinned': ['generative'],
  'guardrail-interventions-monitored': ['generative'],
  'output-handling-safe-rendering': ['generative'],
  'system-prompt-leakage-protected': ['generative'],
  'indirect-prompt-injection-screening': ['generative'],
  'automated-reasoning-checks': ['generative'],
  'guard-audit-events-recorded': ['generative'],
  'ai-red-team-before-release': ['generative'],
  'ai-app-session-isolation': ['generative'],
  'bedrock-prompt-cmk-encryption': ['generative'],
  'foundation-model-version-pinned': ['third-party-models'],
  'model-deprecation-plan': ['third-party-models'],
  'agent-tool-allowlist': ['agents'],
  'human-approval-for-risky-actions': ['agents'],
  'agent-iteration-and-budget-limits': ['agents'],
  'inter-agent-communication-authenticated': ['agents'],
  'agent-memory-integrity': ['agents'],
  'rogue-agent-kill-switch': ['agents'],
  'agent-delegation-scoped': ['agents'],
  'agent-dedicated-execution-role': ['agents'],
  'agent-tool-and-plugin-supply-chain': ['agents'],
  'code-execution-sandboxed': ['agents'],
  'bedrock-agent-cmk-encryption': ['agents'],
  'shield-advanced-on-public-ai-endpoints': ['public-endpoint'],
  'cognito-user-pool-hardened': ['public-endpoint'],
  'rag-authorization-in-user-context': ['rag'],
  'vector-store-tls-enforced': ['rag'],
  'vector-store-cmk-encryption': ['rag'],
  'vector-store-access-restricted': ['rag'],
  'vector-store-not-public': ['rag'],
  'knowledge-base-cmk-encryption': ['rag'],
  'vector-store-ingestion-controlled': ['rag'],
};

export interface Applicability {
  applies: boolean;
  reason: string;
}

/** Whether a control applies to this system, and why (or why not). */
export function applicability(
  control: { id: string; scopes: readonly number[] },
  ctx: AssessContext,
): Applicability {
  if (!control.scopes.includes(ctx.scope))
    return {
      applies: false,
      reason: `applies at scopes ${control.scopes.join(', ')}; this system is scope ${ctx.scope}`,
    };
  for (const id of CONTROL_CONDITIONS[control.id] ?? []) {
    const condition: Condition = CONDITIONS[id];
    if (!condition.holds(ctx)) return { applies: false, reason: condition.otherwise };
  }
  return { applies: true, reason: `applies at scope ${ctx.scope}` };
}

import type { GuardPolicy } from '../guard/policy/index.js';
import type { AssessContext } from './context.js';
import type { Evidence } from './types.js';

/**
 * A runtime control is met when the guard policy enables the matching protection. `alternative`
 * protections may equally come from the infrastructure (a Bedrock guardrail in the template), so the
 * control is met when either source passes; `required` ones must hold in both places.
 */
export interface RuntimeMapping {
  control: string;
  mode: 'alternative' | 'required';
  /** The policy fields that provide the protection, for the README and messages. */
  fields: string;
  check(policy: GuardPolicy, ctx: AssessContext): { ok: boolean; message: string };
}

const active = (action: string | undefined): boolean => action !== undefined && action !== 'NONE';

function promptAttack(policy: GuardPolicy) {
  return policy.contentPolicy?.filters.find((f) => f.type === 'PROMPT_ATTACK');
}

export const RUNTIME_MAPPINGS: readonly RuntimeMapping[] = [
  {
    control: 'guardrail-attached-to-invocations',
    mode: 'alternative',
    fields: 'paths.guardPolicy',
    check: (policy) => ({ ok: true, message: `guard policy '${policy.name}' screens prompts and answers` }),
  },
  {
    control: 'guardrail-prompt-attack-filter',
    mode: 'alternative',
    fields: 'contentPolicy.filters[PROMPT_ATTACK].inputStrength',
    check: (policy) => {
      const f = promptAttack(policy);
      const ok =
        !!f &&
        (f.inputStrength === 'MEDIUM' || f.inputStrength === 'HIGH') &&
        f.inputEnabled !== false &&
        f.inputAction !== 'NONE';
      return {
        ok,
        message: ok
          ? `PROMPT_ATTACK filter at ${f!.inputStrength}`
          : 'no PROMPT_ATTACK filter at MEDIUM or HIGH on input',
      };
    },
  },
  {
    control: 'indirect-prompt-injection-screening',
    mode: 'alternative',
    fields: 'contentPolicy.filters[PROMPT_ATTACK].contextStrength',
    check: (policy) => {
      const f = promptAttack(policy);
      const strength = f ? (f.contextStrength ?? f.inputStrength) : 'NONE';
      const ok = strength === 'MEDIUM' || strength === 'HIGH';
      return {
        ok,
        message: ok
          ? `retrieved documents and tool results screened at ${strength}`
          : 'documents and tool results are not screened for prompt attacks (contextStrength)',
      };
    },
  },
  {
    control: 'guardrail-pii-filter',
    mode: 'alternative',
    fields: 'sensitiveInformationPolicy.piiEntities',
    check: (policy, ctx) => {
      const configured = new Map(
        (policy.sensitiveInformationPolicy?.piiEntities ?? []).map((e) => [e.type as string, e]),
      );
      const filtered = (type: string): boolean => {
        const e = configured.get(type);
        return !!e && [e.action, e.inputAction, e.outputAction].some(active);
      };
      const needed = workloadPiiEntities(ctx);
      if (needed.length === 0) {
        const any = [...configured.keys()].some(filtered);
        return {
          ok: any,
          message: any ? `${configured.size} PII types filtered` : 'no PII type is filtered',
        };
      }
      const missing = needed.filter((t) => !filtered(t));
      return missing.length
        ? { ok: false, message: `PII the workload holds is not filtered: ${missing.join(', ')}` }
        : { ok: true, message: `every PII type the workload holds is filtered (${needed.join(', ')})` };
    },
  },
  {
    control: 'guardrail-denied-topics',
    mode: 'alternative',
    fields: 'topicPolicy.topics',
    check: (policy) => {
      const n = policy.topicPolicy?.topics.length ?? 0;
      return { ok: n > 0, message: n > 0 ? `${n} denied topic(s)` : 'no denied topics' };
    },
  },
  {
    control: 'output-handling-safe-rendering',
    mode: 'alternative',
    fields: 'output.htmlAction, output.urlAction',
    check: (policy) => {
      const o = policy.output;
      const ok = !!o && active(o.htmlAction) && active(o.urlAction);
      return {
        ok,
        message: ok
          ? `active HTML (${o!.htmlAction}) and off-list links (${o!.urlAction}) handled in answers`
          : 'answers are not screened for active HTML and off-list links (output.htmlAction, output.urlAction)',
      };
    },
  },
  {
    control: 'system-prompt-leakage-protected',
    mode: 'alternative',
    fields: 'canary.action',
    check: (policy) => {
      const ok = policy.canary?.action === 'BLOCK';
      return {
        ok,
        message: ok
          ? 'answers that leak a canary token are blocked'
          : 'no canary tokens (canary.action: BLOCK)',
      };
    },
  },
  {
    control: 'rate-and-token-limits',
    mode: 'alternative',
    fields: 'maxInputChars',
    check: (policy) => ({ ok: true, message: `inputs over ${policy.maxInputChars} characters are blocked` }),
  },
  {
    control: 'no-secrets-in-ai-code-and-config',
    mode: 'required',
    fields: 'secrets.action',
    check: (policy) => {
      const s = policy.secrets;
      const ok = !!s && [s.action, s.inputAction, s.outputAction].some(active);
      return {
        ok,
        message: ok
          ? `credentials in prompts and answers: ${s!.action}`
          : 'credentials in prompts and answers are not screened (secrets)',
      };
    },
  },
];

export const runtimeMappingOf = new Map(RUNTIME_MAPPINGS.map((m) => [m.control, m]));

/** Bedrock PII entity names the workload's datasets hold (their union), for the scan and the PII check. */
export function workloadPiiEntities(ctx: Pick<AssessContext, 'manifest'>): string[] {
  return [...new Set(ctx.manifest.datasets.flatMap((d) => d.piiEntities))].sort();
}

/** Runtime evidence for a control, or none when the guard policy has nothing to say about it. */
export function runtimeEvidence(controlId: string, ctx: AssessContext): Evidence[] {
  const mapping = runtimeMappingOf.get(controlId);
  if (!mapping) return [];
  if (!ctx.policy)
    return [
      {
        kind: 'runtime',
        status: 'fail',
        message: 'no guard policy referenced (paths.guardPolicy in aigis.yaml)',
        field: 'paths.guardPolicy',
      },
    ];
  const { ok, message } = mapping.check(ctx.policy, ctx);
  const evidence: Evidence = {
    kind: 'runtime',
    status: ok ? 'pass' : 'fail',
    message,
    field: mapping.fields,
  };
  if (ctx.policyFile) evidence.file = ctx.policyFile;
  return [evidence];
}

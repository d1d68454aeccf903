import type { ControlResult, Evidence } from '../assess/types.js';
import { isApplicable, STATUS_LABEL, uuidV5, type ReportContext } from './context.js';

/**
 * NIST OSCAL assessment-results (1.1.x, also valid against the 1.2.1 schema): one result per run, one
 * finding per applicable control with target status satisfied / not-satisfied, one observation per piece
 * of evidence, and an open risk with the recommended remediation for each control that does not hold. UUIDs are v5 of stable ids (system, control, evidence), so two runs diff by what changed.
 */

export const OSCAL_VERSION = '1.1.3';
/** Namespace of aigis's OSCAL props (a URI, as OSCAL requires; not fetched). */
export const OSCAL_PROP_NS = 'urn:aigis:oscal';

type Json = Record<string, unknown>;

/** OSCAL markup-line (titles) holds no line break. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim() || 'untitled';

/** OSCAL prop values are non-empty with no leading or trailing whitespace; newlines are folded to spaces. */
const prop = (name: string, value: string): Json => ({
  name,
  ns: OSCAL_PROP_NS,
  value: value.replace(/\s+/g, ' ').trim() || 'unknown',
});

const METHOD: Record<Evidence['kind'], string> = {
  scan: 'TEST',
  runtime: 'TEST',
  governance: 'EXAMINE',
  attestation: 'INTERVIEW',
  manual: 'EXAMINE',
};

function evidenceKey(e: Evidence): string {
  return [
    e.kind,
    e.ruleId ?? '',
    e.resource?.address ?? '',
    e.resource?.file ?? e.file ?? '',
    e.field ?? '',
    e.message,
  ].join('\u0000');
}

function where(e: Evidence): string | undefined {
  if (e.resource) return `${e.resource.file}:${e.resource.line} (${e.resource.address})`;
  if (e.file) return `${e.file}${e.line ? `:${e.line}` : ''}${e.field ? `: ${e.field}` : ''}`;
  return undefined;
}

function observation(system: string, result: ControlResult, e: Evidence, collected: string): Json {
  const location = where(e);
  const props = [
    prop('evidence-kind', e.kind),
    prop('evidence-status', e.status),
    prop('control-id', result.id),
  ];
  if (e.ruleId) props.push(prop('rule-id', e.ruleId));
  const obs: Json = {
    uuid: uuidV5(`oscal:observation:${system}:${result.id}:${evidenceKey(e)}`),
    title: oneLine(e.ruleId ? `${e.ruleId}: ${e.status}` : `${e.kind} evidence: ${e.status}`),
    description: e.message || `${e.kind} evidence for ${result.id}`,
    props,
    methods: [METHOD[e.kind]],
    types: [e.status === 'fail' ? 'finding' : 'control-objective'],
    collected,
  };
  if (location) obs['relevant-evidence'] = [{ description: location }];
  return obs;
}

/** A statement for a result without evidence, so every finding can point at what the assessor saw. */
function reasonObservation(system: string, result: ControlResult, collected: string): Json {
  return {
    uuid: uuidV5(`oscal:observation:${system}:${result.id}:reason`),
    title: oneLine(`${result.id}: ${STATUS_LABEL[result.status]}`),
    description: result.reason || STATUS_LABEL[result.status],
    props: [prop('control-id', result.id)],
    methods: ['UNKNOWN'],
    collected,
  };
}

/** OSCAL needs a selection even when nothing applies: every control, minus the ones that do not apply. */
function notApplicableSelection(ids: readonly string[]): Json {
  return {
    description: 'No control of the catalog applies to this system.',
    'include-all': {},
    ...(ids.length > 0 ? { 'exclude-controls': ids.map((id) => ({ 'control-id': id })) } : {}),
  };
}

export function toOscal(ctx: ReportContext): Json {
  const r = ctx.report;
  const system = r.system.name;
  const applicable = ctx.controls.filter(isApplicable);
  const observations: Json[] = [];
  const findings: Json[] = [];
  const risks: Json[] = [];
  const seen = new Set<string>();
  for (const view of applicable) {
    const { result } = view;
    const related: string[] = [];
    const items =
      result.evidence.length > 0
        ? result.evidence.map((e) => observation(system, result, e, r.generatedAt))
        : [reasonObservation(system, result, r.generatedAt)];
    for (const obs of items) {
      const id = obs['uuid'] as string;
      if (!seen.has(id)) {
        seen.add(id);
        observations.push(obs);
      }
      if (!related.includes(id)) related.push(id);
    }
    const satisfied = result.status === 'met' || result.status === 'attested';
    // An open control is a risk with the catalog's remediation as the tool's recommendation, so a POA&M can be built from it.
    const riskUuid = satisfied ? undefined : uuidV5(`oscal:risk:${system}:${result.id}`);
    if (riskUuid)
      risks.push({
        uuid: riskUuid,
        title: oneLine(`${view.title}: ${STATUS_LABEL[result.status].toLowerCase()}`),
        description: view.control?.rationale ?? (result.reason || view.title),
        statement: result.reason || STATUS_LABEL[result.status],
        props: [
          prop('severity', view.severity),
          ...(view.control ? [prop('phase', view.control.phase)] : []),
        ],
        status: 'open',
        ...(view.control
          ? {
              remediations: [
                {
                  uuid: uuidV5(`oscal:remediation:${system}:${result.id}`),
                  lifecycle: 'recommendation',
                  title: oneLine(`Remediate ${result.id}`),
                  description: view.control.remediation,
                },
              ],
            }
          : {}),
        'related-observations': related.map((id) => ({ 'observation-uuid': id })),
      });
    findings.push({
      uuid: uuidV5(`oscal:finding:${system}:${result.id}`),
      title: oneLine(view.title),
      description: result.reason || STATUS_LABEL[result.status],
      props: [prop('aigis-status', result.status), prop('severity', view.severity)],
      target: {
        type: 'objective-id',
        'target-id': result.id,
        status: {
          state: satisfied ? 'satisfied' : 'not-satisfied',
          reason: satisfied ? 'pass' : result.status === 'not-met' ? 'fail' : 'other',
        },
        ...(result.status === 'unknown'
          ? { remarks: 'No evidence shows the control holds yet; attest it or add evidence.' }
          : {}),
      },
      'related-observations': related.map((id) => ({ 'observation-uuid': id })),
      ...(riskUuid ? { 'related-risks': [{ 'risk-uuid': riskUuid }] } : {}),
    });
  }
  const planUuid = uuidV5(`oscal:assessment-plan:${system}`);
  const regulations = r.determinations.regulations.map((d) => d.id).join(', ') || 'none';
  const resultBody: Json = {
    uuid: uuidV5(`oscal:result:${system}`),
    title: oneLine(`aigis assessment of ${system}`),
    description:
      `Automated assessment of ${system} against the aigis control catalog: scope ${r.system.scope} (${r.system.scopeReason}); ` +
      `EU AI Act tier ${r.determinations.euAiActTier}; regulations ${regulations}; phase reached ${r.phaseReached}.`,
    start: r.generatedAt,
    end: r.generatedAt,
    props: [
      prop('phase-reached', r.phaseReached),
      prop('scoping-matrix-scope', String(r.system.scope)),
      prop('eu-ai-act-tier', r.determinations.euAiActTier),
    ],
    'reviewed-controls': {
      'control-selections': [
        applicable.length > 0
          ? { 'include-controls': applicable.map((v) => ({ 'control-id': v.result.id })) }
          : notApplicableSelection(ctx.controls.map((v) => v.result.id)),
      ],
    },
  };
  if (observations.length > 0) resultBody['observations'] = observations;
  if (risks.length > 0) resultBody['risks'] = risks;
  if (findings.length > 0) resultBody['findings'] = findings;
  return {
    'assessment-results': {
      uuid: uuidV5(`oscal:assessment-results:${system}`),
      metadata: {
        title: oneLine(`aigis assessment results: ${system}`),
        'last-modified': r.generatedAt,
        version: r.version,
        'oscal-version': OSCAL_VERSION,
        props: [prop('system-owner', r.system.owner || 'unknown')],
      },
      'import-ap': {
        href: `#${planUuid}`,
        remarks: 'aigis derives the plan from aigis.yaml and its control catalog; see back-matter.',
      },
      results: [resultBody],
      'back-matter': {
        resources: [
          {
            uuid: planUuid,
            title: oneLine(`aigis assessment plan for ${system}`),
            description:
              'The controls of the aigis catalog that apply to the system at its scope and regulations, checked by IaC scan, ' +
              'governance records, runtime guard policy and attestations.',
            ...(r.inputs.length > 0 ? { props: r.inputs.map((f) => prop('input', f)) } : {}),
          },
        ],
      },
    },
  };
}

import type { Severity } from '../rules/types.js';

/** The assessment's JSON output is a contract other tools read: these names are fixed by the issue. */
export type ControlStatus = 'met' | 'not-met' | 'unknown' | 'attested' | 'not-applicable';
export type PhaseReached = 'none' | 'foundational' | 'scaling' | 'industrialized';
export type Regulation = 'HIPAA' | 'GDPR' | 'PCI-DSS' | 'EU-AI-Act';
export type EuAiActTier = 'prohibited' | 'high' | 'limited' | 'minimal';

export interface Evidence {
  /** Where the evidence comes from. */
  kind: 'scan' | 'governance' | 'runtime' | 'attestation' | 'manual';
  /** pass / fail / unknown for this piece of evidence. */
  status: 'pass' | 'fail' | 'unknown';
  message: string;
  /** Scan evidence: the rule and resource; governance: the manifest path or model card file. */
  ruleId?: string;
  resource?: { address: string; file: string; line: number };
  file?: string;
  /** Line in `file` (governance evidence: the manifest field's line). */
  line?: number;
  field?: string;
}

export interface ControlResult {
  id: string;
  status: ControlStatus;
  reason: string;
  evidence: Evidence[];
}

export interface RegulationDetermination {
  id: Regulation;
  /** The manifest fields that brought it in, e.g. `datasets[0].classification: phi`. */
  triggers: string[];
}

export interface RemediationItem {
  control: string;
  title: string;
  /** not-met: evidence fails; unknown: nothing shows it holds yet (attest it or add evidence). */
  status: 'not-met' | 'unknown';
  severity: Severity;
  /** The phase this fix is needed for. */
  phase: 'foundational' | 'scaling' | 'industrialized';
  remediation: string;
  /** Failing rules and resources behind it, when the evidence came from the scan. */
  findings: Array<{ ruleId: string; address: string; file: string; line: number }>;
}

export interface MetApplicable {
  met: number;
  applicable: number;
}

export interface AssessmentReport {
  version: string;
  generatedAt: string;
  system: {
    name: string;
    owner: string;
    scope: 1 | 2 | 3 | 4 | 5;
    scopeReason: string;
    /** Per discipline or area, who is responsible at this scope (customer, aws, shared). */
    responsibility: Record<string, 'customer' | 'aws' | 'shared'>;
  };
  determinations: {
    regulations: RegulationDetermination[];
    euAiActTier: EuAiActTier;
    euAiActReason: string;
    gpai: boolean;
  };
  phaseReached: PhaseReached;
  layers: Record<
    'infrastructure' | 'identity-data' | 'ai-application',
    Record<'foundational' | 'scaling' | 'industrialized', MetApplicable>
  >;
  didLayers: Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', MetApplicable>;
  frameworks: Record<string, { covered: number; met: number; total: number }>;
  owasp: Record<string, MetApplicable>;
  /** AWS's engagement splits findings into security, compliance and identity. */
  sections: Record<'security' | 'compliance' | 'identity', MetApplicable & { controls: string[] }>;
  controls: ControlResult[];
  remediation: RemediationItem[];
  warnings: string[];
  /** Infrastructure files that could not be parsed (the CLI exits 2 when there are any). */
  errors: string[];
  /** Files read: manifest, templates, model cards, guard policy. */
  inputs: string[];
}

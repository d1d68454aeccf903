import type { EuAiActTier, RegulationDetermination } from './types.js';
import type { Manifest } from './manifest.js';

/** EU member states (ISO 3166-1 alpha-2, Greece also as EL) and the EEA states GDPR also covers. */
const EU_MEMBERS = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'EL',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'EU',
]);
const EEA_ONLY = new Set(['IS', 'LI', 'NO', 'EEA']);

/** Annex III areas, keyed by the manifest's use-case domain, with the point of the Annex. */
const ANNEX_III: Partial<Record<Manifest['useCase']['domain'], string>> = {
  biometrics: 'Annex III point 1 (biometrics)',
  'critical-infrastructure': 'Annex III point 2 (critical infrastructure)',
  education: 'Annex III point 3 (education and vocational training)',
  employment: 'Annex III point 4 (employment and workers management)',
  credit: 'Annex III point 5(b) (creditworthiness and credit scoring of natural persons)',
  insurance: 'Annex III point 5(c) (risk assessment and pricing in life and health insurance)',
  'law-enforcement': 'Annex III point 6 (law enforcement)',
  migration: 'Annex III point 7 (migration, asylum and border control)',
  justice: 'Annex III point 8(a) (administration of justice)',
  'democratic-processes': 'Annex III point 8(b) (democratic processes)',
};

function euJurisdictions(manifest: Manifest, members: ReadonlySet<string>): string[] {
  return manifest.dataSubjects.jurisdictions.filter((j) => members.has(j.trim().toUpperCase()));
}

/** Which of HIPAA, GDPR, PCI DSS and the EU AI Act apply, each with the manifest fields that triggered it. */
export function determineRegulations(manifest: Manifest): RegulationDetermination[] {
  const out: RegulationDetermination[] = [];
  const classified = (c: Manifest['datasets'][number]['classification'][number]): string[] =>
    manifest.datasets.flatMap((d, i) =>
      d.classification.includes(c) ? [`datasets[${i}].classification: ${c} (${d.id})`] : [],
    );

  const hipaa = [
    ...classified('phi'),
    ...(manifest.useCase.coveredEntityOrBusinessAssociate
      ? ['useCase.coveredEntityOrBusinessAssociate: true']
      : []),
  ];
  if (hipaa.length > 0) out.push({ id: 'HIPAA', triggers: hipaa });

  const euSubjects = manifest.dataSubjects.euResidents;
  const gdprPlaces = euJurisdictions(manifest, new Set([...EU_MEMBERS, ...EEA_ONLY]));
  const gdpr = [
    ...(euSubjects ? ['dataSubjects.euResidents: true'] : []),
    ...(gdprPlaces.length > 0 ? [`dataSubjects.jurisdictions: ${gdprPlaces.join(', ')}`] : []),
  ];
  if (gdpr.length > 0) {
    // Personal data of those subjects is what GDPR governs; name the datasets that hold it.
    gdpr.push(...classified('pii'), ...classified('phi'));
    out.push({ id: 'GDPR', triggers: gdpr });
  }

  const pci = [
    ...classified('payment-card'),
    ...(manifest.useCase.processesPaymentCards ? ['useCase.processesPaymentCards: true'] : []),
  ];
  if (pci.length > 0) out.push({ id: 'PCI-DSS', triggers: pci });

  const actPlaces = euJurisdictions(manifest, EU_MEMBERS);
  const act = [
    ...(euSubjects ? ['dataSubjects.euResidents: true'] : []),
    ...(actPlaces.length > 0 ? [`dataSubjects.jurisdictions: ${actPlaces.join(', ')}`] : []),
    ...(manifest.useCase.placedOnEuMarket ? ['useCase.placedOnEuMarket: true'] : []),
  ];
  if (act.length > 0) out.push({ id: 'EU-AI-Act', triggers: act });
  return out;
}

export interface EuAiActDetermination {
  tier: EuAiActTier;
  reason: string;
  /** The system builds on a general-purpose AI model (Art. 51-55 for its provider). */
  gpai: boolean;
  gpaiReason: string;
}

/** Whether a model is a general-purpose AI model: the manifest says so, else a hosted LLM (not embeddings) is. */
function isGeneralPurpose(model: Manifest['models'][number]): boolean {
  if (model.generalPurpose !== undefined) return model.generalPurpose;
  const hosted = [
    'amazon-bedrock',
    'bedrock',
    'openai',
    'anthropic',
    'azure-openai',
    'google-vertex',
  ].includes(model.provider.toLowerCase());
  return hosted && !/embed|rerank/i.test(model.modelId);
}

/**
 * EU AI Act risk tier: prohibited (Art. 5 practice), high (Annex I product or an Annex III area),
 * limited (Art. 50: people interact with it, or it generates synthetic content), else minimal.
 * The tier is reported even when the Act does not apply; the reason says so.
 */
export function determineEuAiAct(
  manifest: Manifest,
  regulations: readonly RegulationDetermination[],
): EuAiActDetermination {
  const applies = regulations.some((r) => r.id === 'EU-AI-Act');
  const suffix = applies
    ? ''
    : ' (the Act does not apply: no EU residents, EU jurisdiction or EU market declared)';
  const gpaiModels = manifest.models.filter(isGeneralPurpose);
  const gpai = gpaiModels.length > 0;
  const gpaiReason = gpai
    ? `built on general-purpose AI model(s): ${gpaiModels.map((m) => m.id).join(', ')}`
    : 'no general-purpose AI model';
  const u = manifest.useCase;
  const result = (tier: EuAiActTier, why: string): EuAiActDetermination => ({
    tier,
    reason: `${why}${suffix}`,
    gpai,
    gpaiReason,
  });

  if (u.prohibitedPractices.length > 0)
    return result(
      'prohibited',
      `Art. 5 prohibited practice: ${u.prohibitedPractices.join(', ')} (useCase.prohibitedPractices)`,
    );
  if (u.annexIProduct)
    return result('high', 'Art. 6(1): safety component of an Annex I product (useCase.annexIProduct)');
  const annex = ANNEX_III[u.domain];
  if (annex) return result('high', `Art. 6(2): ${annex} (useCase.domain: ${u.domain})`);
  if (u.interactsWithPeople || u.generatesSyntheticContent) {
    const what = [
      u.interactsWithPeople ? 'interacts with people (useCase.interactsWithPeople)' : undefined,
      u.generatesSyntheticContent
        ? 'generates synthetic content (useCase.generatesSyntheticContent)'
        : undefined,
    ].filter(Boolean);
    return result('limited', `Art. 50 transparency obligations: ${what.join(' and ')}`);
  }
  return result(
    'minimal',
    `no Art. 5 practice, no Annex I/III use (useCase.domain: ${u.domain}) and no Art. 50 interaction`,
  );
}

/** A generative system: declared, or a general-purpose model, or it talks to people or generates content. */
export function isGenerative(manifest: Manifest): boolean {
  if (manifest.useCase.generativeAI !== undefined) return manifest.useCase.generativeAI;
  return (
    manifest.useCase.interactsWithPeople ||
    manifest.useCase.generatesSyntheticContent ||
    manifest.models.some(isGeneralPurpose)
  );
}

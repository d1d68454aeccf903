// The assessment: aigis.yaml, determinations, control applicability and status, scoring, remediation.
export * from './types.js';
export * from './manifest.js';
export { assess, type AssessOptions } from './assess.js';
export { loadManifest, resolveManifestFile, MANIFEST_NAMES, type LoadedManifest } from './load.js';
export { determineScope, responsibilityAt, scopeName, type ScopeDetermination } from './scope.js';
export {
  determineRegulations,
  determineEuAiAct,
  isGenerative,
  type EuAiActDetermination,
} from './regulations.js';
export { applicability, CONDITIONS, CONTROL_CONDITIONS, type Applicability } from './conditions.js';
export { controlStatus, attestationFor } from './status.js';
export { phaseReached, nextPhase, isMet, sectionOf } from './scoring.js';
export { remediationList, controlSeverity } from './remediation.js';
export { RUNTIME_MAPPINGS, workloadPiiEntities } from './runtime.js';
export { governanceChecks } from './governance/index.js';
export { cardCustomization, readModelCardFacts, type ModelCardFacts } from './model-cards.js';
export { toAssessText, failsOn, FAIL_ON_VALUES, type FailOn } from './text.js';
export { manifestJsonSchemaText, MANIFEST_SCHEMA_ID } from './json-schema.js';

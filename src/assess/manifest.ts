import { z } from 'zod';

/**
 * aigis.yaml: the AI system manifest. It describes what a template cannot: who owns the system, what data
 * it touches, who it serves and under which laws, and what the team attests to.
 * The JSON Schema in schemas/aigis-manifest.schema.json is generated from this (npm run schemas).
 */
export const SCOPE_ANSWERS = [
  'consumer-app',
  'enterprise-app',
  'pre-trained-model',
  'fine-tuned-model',
  'self-trained-model',
] as const;

export const DATA_CLASSIFICATIONS = [
  'public',
  'internal',
  'confidential',
  'pii',
  'phi',
  'payment-card',
] as const;

export const USE_CASE_DOMAINS = [
  'general',
  'employment',
  'credit',
  'insurance',
  'medical',
  'education',
  'biometrics',
  'critical-infrastructure',
  'law-enforcement',
  'migration',
  'justice',
  'democratic-processes',
] as const;

/** Practices banned by EU AI Act Art. 5; declaring one makes the system prohibited. */
export const PROHIBITED_PRACTICES = [
  'social-scoring',
  'manipulative-techniques',
  'exploiting-vulnerabilities',
  'untargeted-facial-scraping',
  'emotion-recognition-workplace-education',
  'biometric-categorisation-sensitive',
  'realtime-remote-biometric-identification',
  'predictive-policing-profiling',
] as const;

const isoDate = z.iso.date().or(z.iso.datetime());
const duration = z
  .string()
  .regex(/^\d+\s*(d|w|m|y)$/, 'a duration such as 30d, 12w, 6m or 1y')
  .describe('Duration: number followed by d (days), w (weeks), m (months) or y (years)');

const awsRegion = z
  .string()
  .regex(/^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, 'an AWS region such as eu-west-1')
  .describe('AWS region code');

export const modelSchema = z.strictObject({
  id: z.string().min(1).describe('Local name of the model, referenced by model cards'),
  provider: z.string().min(1).describe('e.g. amazon-bedrock, sagemaker, openai, self'),
  modelId: z.string().min(1).describe('Provider model id, e.g. anthropic.claude-3-5-sonnet-20240620-v1:0'),
  version: z.string().optional(),
  versionPinned: z.boolean().default(false).describe('true when requests name a fixed model version'),
  customization: z.enum(['none', 'fine-tuned', 'continued-pretraining', 'self-trained']).default('none'),
  generalPurpose: z
    .boolean()
    .optional()
    .describe('Built on a general-purpose AI model (EU AI Act Art. 51-55)'),
  trainingDatasets: z.array(z.string()).default([]).describe('ids of datasets in `datasets`'),
  modelCard: z
    .string()
    .optional()
    .describe('Path to the model card (SageMaker JSON or Markdown with front matter)'),
  deprecationPlan: z
    .string()
    .optional()
    .describe('What happens when the provider retires this model version'),
  sha256: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional()
    .describe('Hash of the model artifact (supply chain)'),
});

export const datasetSchema = z.strictObject({
  id: z.string().min(1),
  description: z.string().optional(),
  classification: z.array(z.enum(DATA_CLASSIFICATIONS)).min(1),
  location: z.string().optional().describe('e.g. s3://bucket/prefix'),
  residency: z.array(awsRegion).default([]).describe('Regions where the data is stored, e.g. eu-west-1'),
  allowedRegions: z.array(awsRegion).default([]).describe('Regions the data may be stored in'),
  retention: duration.optional(),
  owner: z.string().optional(),
  steward: z.string().optional(),
  custodian: z.string().optional(),
  lineage: z.string().optional().describe('Where lineage is recorded: an OpenLineage namespace/job or a URL'),
  piiEntities: z.array(z.string()).default([]).describe('Bedrock PII entity names the data holds'),
  sha256: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
  qualityChecks: z.boolean().optional().describe('Data quality checks run before use'),
  piiScanned: z.boolean().optional().describe('PII discovery ran before training'),
  sharingAgreement: z.string().optional().describe('Data sharing agreement reference for third-party data'),
});

export const attestationSchema = z.strictObject({
  control: z.string().min(1).describe('Catalog control id'),
  by: z.string().min(1),
  date: isoDate,
  expires: isoDate.optional(),
  evidence: z.string().optional().describe('Link or path to the evidence'),
  note: z.string().optional(),
});

export const manifestSchema = z.strictObject({
  $schema: z.string().optional(),
  apiVersion: z.literal('aigis/v1').default('aigis/v1'),
  name: z.string().min(1),
  owner: z.string().min(1),
  description: z.string().optional(),
  intendedUses: z.array(z.string()).default([]),
  outOfScopeUses: z.array(z.string()).default([]),
  scope: z
    .union([z.number().int().min(1).max(5), z.strictObject({ answer: z.enum(SCOPE_ANSWERS) })])
    .optional()
    .describe('Generative AI Security Scoping Matrix scope 1-5, or the answer it follows from'),
  models: z.array(modelSchema).default([]),
  datasets: z.array(datasetSchema).default([]),
  dataSubjects: z
    .strictObject({
      jurisdictions: z
        .array(
          z
            .string()
            .regex(
              /^(?:[A-Za-z]{2}|EU|EEA|eu|eea)$/,
              'an ISO 3166-1 alpha-2 country code (DE, FR, US) or EU/EEA',
            ),
        )
        .default([])
        .describe('ISO country codes or EU'),
      euResidents: z.boolean().default(false),
      minors: z.boolean().default(false),
    })
    .default({ jurisdictions: [], euResidents: false, minors: false }),
  useCase: z
    .strictObject({
      domain: z.enum(USE_CASE_DOMAINS).default('general'),
      annexIProduct: z
        .boolean()
        .default(false)
        .describe('Safety component of a product under EU AI Act Annex I'),
      prohibitedPractices: z.array(z.enum(PROHIBITED_PRACTICES)).default([]),
      interactsWithPeople: z.boolean().default(false).describe('People talk to it (chatbot)'),
      generatesSyntheticContent: z.boolean().default(false),
      processesPaymentCards: z.boolean().default(false),
      coveredEntityOrBusinessAssociate: z.boolean().default(false).describe('HIPAA covered entity or BA'),
      placedOnEuMarket: z
        .boolean()
        .default(false)
        .describe('The system is placed on the EU market or put into service in the EU (EU AI Act Art. 2)'),
      generativeAI: z
        .boolean()
        .optional()
        .describe('The system generates text, images or code; derived from the models when absent'),
    })
    .default({
      domain: 'general',
      annexIProduct: false,
      prohibitedPractices: [],
      interactsWithPeople: false,
      generatesSyntheticContent: false,
      processesPaymentCards: false,
      coveredEntityOrBusinessAssociate: false,
      placedOnEuMarket: false,
    }),
  humanOversight: z
    .strictObject({
      reviewers: z.array(z.string()).default([]),
      gatedActions: z.array(z.string()).default([]).describe('Actions that need human approval'),
      canOverride: z.boolean().default(false).describe('Overseers can override or stop the system'),
    })
    .optional(),
  paths: z
    .strictObject({
      infrastructure: z.array(z.string()).default([]),
      guardPolicy: z.string().optional(),
      modelCards: z.array(z.string()).default([]),
    })
    .default({ infrastructure: [], modelCards: [] }),
  attestations: z.array(attestationSchema).default([]),
  review: z
    .strictObject({
      cadence: duration.default('1y'),
      lastReviewed: isoDate.optional(),
    })
    .default({ cadence: '1y' }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestModel = z.infer<typeof modelSchema>;
export type ManifestDataset = z.infer<typeof datasetSchema>;
export type Attestation = z.infer<typeof attestationSchema>;

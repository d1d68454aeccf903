import { z } from 'zod';

/** AWS AI Security Framework layers. */
export const LAYERS = ['infrastructure', 'identity-data', 'ai-application'] as const;
/** AWS AI Security Framework maturity phases, in order. */
export const PHASES = ['foundational', 'scaling', 'industrialized'] as const;
/** How a control is checked: IaC scan, live AWS API, runtime guard, dataset scan, registry records, or attestation. */
export const CHECK_METHODS = ['iac', 'live', 'runtime', 'data', 'governance', 'manual'] as const;
/** Who secures a thing at a given scope, following the shared responsibility model. */
export const RESPONSIBILITIES = ['customer', 'aws', 'shared'] as const;
/** Generative AI Security Scoping Matrix scopes: 1 consumer app ... 5 self-trained model. */
export const SCOPES = [1, 2, 3, 4, 5] as const;
/** Defense-in-depth layers: 1 data protection ... 7 policies, procedures and awareness. */
export const DID_LAYERS = [1, 2, 3, 4, 5, 6, 7] as const;
/**
 * `compliance`: a standard or law controls satisfy (every control must reference one);
 * `aws`/`owasp`: a taxonomy the control's own fields (layer, phase, scopes, didLayer, owasp) place it in.
 */
export const FRAMEWORK_KINDS = ['compliance', 'aws', 'owasp'] as const;

export const LayerSchema = z.enum(LAYERS);
export const PhaseSchema = z.enum(PHASES);
export const CheckMethodSchema = z.enum(CHECK_METHODS);
export const ResponsibilitySchema = z.enum(RESPONSIBILITIES);
export const ScopeSchema = z.literal(SCOPES);
export const DidLayerSchema = z.literal(DID_LAYERS);
export const FrameworkKindSchema = z.enum(FRAMEWORK_KINDS);

export type Layer = z.infer<typeof LayerSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type CheckMethod = z.infer<typeof CheckMethodSchema>;
export type Responsibility = z.infer<typeof ResponsibilitySchema>;
export type Scope = (typeof SCOPES)[number];
export type DidLayer = (typeof DID_LAYERS)[number];
export type FrameworkKind = z.infer<typeof FrameworkKindSchema>;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** Short descriptive kebab-case, e.g. `inference-endpoint-cmk-encryption`. */
export const ControlIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lower-case words joined by hyphens)');

/** Requirement ids are whatever the source uses (`A.8.24`, `164.312(a)(2)(iv)`, `GOVERN 1.1`), kept as strings. */
export const RequirementIdSchema = text(60);

export const ControlSchema = z
  .object({
    id: ControlIdSchema,
    title: text(200),
    description: text(2000),
    rationale: text(2000),
    remediation: text(2000),
    layer: LayerSchema,
    phase: PhaseSchema,
    didLayer: DidLayerSchema,
    scopes: z
      .array(ScopeSchema)
      .min(1, 'must list at least one scope')
      .refine(unique, 'must not repeat a scope')
      .transform((s) => [...s].sort((a, b) => a - b)),
    /** Keys are scopes (YAML map keys arrive as strings). */
    responsibility: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), ResponsibilitySchema),
    owasp: z.array(text(20)).refine(unique, 'must not repeat an id'),
    references: z.record(
      text(60),
      z.array(RequirementIdSchema).min(1, 'must list at least one requirement id'),
    ),
    checks: z
      .array(CheckMethodSchema)
      .min(1, 'must list at least one check method')
      .refine(unique, 'must not repeat a method'),
  })
  .strict();

export const ControlsFileSchema = z.object({ controls: z.array(ControlSchema) }).strict();

/** Derived coverage: a control covers the requirement when its own fields match all the given values. */
export const RequirementMatchSchema = z
  .object({ layer: LayerSchema, phase: PhaseSchema, didLayer: DidLayerSchema, scope: ScopeSchema })
  .partial()
  .strict()
  .refine((m) => Object.keys(m).length > 0, 'must name at least one field');

export const RequirementSchema = z
  .object({
    id: RequirementIdSchema,
    title: text(500),
    description: text(2000).optional(),
    /** Older ids that mean this requirement (OWASP LLM 2023 ids for the 2025 list). */
    aliases: z.array(RequirementIdSchema).optional(),
    match: RequirementMatchSchema.optional(),
  })
  .strict();

/** The scoping matrix's split of who secures each part of the stack at a scope. */
export const ScopeProfileSchema = z
  .object({
    scope: ScopeSchema,
    name: text(100),
    examples: z.array(text(100)).optional(),
    responsibility: z.record(text(60), ResponsibilitySchema),
  })
  .strict();

export const FrameworkSchema = z
  .object({
    id: z
      .string()
      .max(60)
      .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'must be lower-case words joined by hyphens or dots'),
    name: text(200),
    version: z.union([z.string(), z.number()]).transform(String).pipe(text(40)),
    url: z.url(),
    kind: FrameworkKindSchema,
    description: text(2000),
    requirements: z.array(RequirementSchema).min(1, 'must list at least one requirement'),
    scopes: z.array(ScopeProfileSchema).optional(),
  })
  .strict();

export type RequirementMatch = z.infer<typeof RequirementMatchSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type ScopeProfile = z.infer<typeof ScopeProfileSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;

/** A validated control. `responsibility` is keyed by scope; `owasp` holds normalised 2025/ASI ids. */
export interface Control {
  id: string;
  title: string;
  description: string;
  rationale: string;
  remediation: string;
  layer: Layer;
  phase: Phase;
  didLayer: DidLayer;
  scopes: Scope[];
  responsibility: Partial<Record<Scope, Responsibility>>;
  owasp: string[];
  references: Record<string, string[]>;
  checks: CheckMethod[];
}

/** The exact field order of a control, used by JSON and CSV output. */
export const CONTROL_FIELDS = [
  'id',
  'title',
  'description',
  'rationale',
  'remediation',
  'layer',
  'phase',
  'didLayer',
  'scopes',
  'responsibility',
  'owasp',
  'references',
  'checks',
] as const satisfies ReadonlyArray<keyof Control>;

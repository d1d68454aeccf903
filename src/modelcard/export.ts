import { stringify } from 'yaml';
import { InputError } from '../util/errors.js';
import { formatPath } from '../util/structured-file.js';
import { BODY_SECTIONS, EVALUATION_HEADING_PREFIX, fitsInBody } from './markdown.js';
import type { ModelCard, ModelCardFormat } from './read.js';
import {
  MAX_CONTENT_CHARS,
  MODEL_CARD_SECTIONS,
  modelCardContentSchema,
  type ModelCardContent,
} from './schema.js';

/**
 * What SageMaker has no field for, carried in `additional_information.custom_details` as the governance
 * anchors suggest: the Generative AI Security Scoping Matrix scope, the EU AI Act tier and framework mappings.
 */
export interface ModelCardGovernance {
  scope?: 1 | 2 | 3 | 4 | 5;
  euAiActTier?: 'prohibited' | 'high' | 'limited' | 'minimal';
  /** Framework ids the system is assessed against, e.g. `nist-ai-rmf`, `iso-42001`. */
  frameworks?: readonly string[];
}

export const GOVERNANCE_DETAIL_KEYS = {
  scope: 'scoping_matrix_scope',
  euAiActTier: 'eu_ai_act_tier',
  frameworks: 'framework_mappings',
} as const;

export interface ExportOptions {
  governance?: ModelCardGovernance;
}

/** The content with governance details merged in, checked against the schema so the export is a valid card. */
export function withGovernance(
  content: ModelCardContent,
  governance: ModelCardGovernance | undefined,
): ModelCardContent {
  if (!governance) return content;
  const details: Record<string, string> = { ...content.additional_information?.custom_details };
  if (governance.scope !== undefined) details[GOVERNANCE_DETAIL_KEYS.scope] = String(governance.scope);
  if (governance.euAiActTier !== undefined)
    details[GOVERNANCE_DETAIL_KEYS.euAiActTier] = governance.euAiActTier;
  if (governance.frameworks && governance.frameworks.length > 0)
    details[GOVERNANCE_DETAIL_KEYS.frameworks] = [...governance.frameworks].join(',');
  const merged = {
    ...content,
    additional_information: { ...content.additional_information, custom_details: details },
  };
  const checked = modelCardContentSchema.safeParse(merged);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new InputError(`model card export: ${formatPath(issue.path)}: ${issue.message}`, {
      field: formatPath(issue.path),
    });
  }
  return checked.data;
}

/** Sections in SageMaker's documented order, so exports diff cleanly. */
function ordered(content: ModelCardContent): ModelCardContent {
  const out: Record<string, unknown> = {};
  for (const key of MODEL_CARD_SECTIONS) if (content[key] !== undefined) out[key] = content[key];
  return out as ModelCardContent;
}

function toSageMaker(content: ModelCardContent): string {
  const json = JSON.stringify(ordered(content), null, 2);
  if (JSON.stringify(content).length > MAX_CONTENT_CHARS)
    throw new InputError(
      `model card export: the content is over SageMaker's limit of ${MAX_CONTENT_CHARS} characters`,
    );
  return `${json}\n`;
}

type Json = Record<string, unknown>;

function toMarkdown(content: ModelCardContent): string {
  const front = structuredClone(ordered(content)) as Json;
  const body: string[] = [];
  for (const section of BODY_SECTIONS) {
    const [group, leaf] = section.path as [string, string];
    const holder = front[group] as Json | undefined;
    const value = holder?.[leaf];
    if (typeof value !== 'string' || !fitsInBody(value)) continue;
    body.push(`## ${section.heading}\n\n${value}\n`);
    delete holder![leaf];
    if (Object.keys(holder!).length === 0) delete front[group];
  }
  const jobs = (front['evaluation_details'] as Json[] | undefined) ?? [];
  const names = jobs.map((j) => j['name']);
  for (const job of jobs) {
    const name = job['name'];
    const observation = job['evaluation_observation'];
    const nameFits =
      typeof name === 'string' &&
      /^[^\n\r#]+$/.test(name) &&
      name === name.trim() &&
      names.indexOf(name) === names.lastIndexOf(name);
    if (!nameFits || typeof observation !== 'string' || !fitsInBody(observation)) continue;
    body.push(`## ${EVALUATION_HEADING_PREFIX} ${name}\n\n${observation}\n`);
    delete job['evaluation_observation'];
  }
  const overview = content.model_overview;
  const title = overview?.model_name ?? overview?.model_id ?? 'Model card';
  const yaml = Object.keys(front).length > 0 ? stringify(front, { lineWidth: 0 }) : '';
  return `---\n${yaml}---\n\n# ${title.replace(/[\r\n]+/g, ' ')}\n\n${body.join('\n')}`;
}

/** Writes a card as SageMaker Model Card content JSON or as Markdown with YAML front matter. */
export function exportModelCard(card: ModelCard, format: ModelCardFormat, opts: ExportOptions = {}): string {
  const content = withGovernance(card.content, opts.governance);
  return format === 'sagemaker' ? toSageMaker(content) : toMarkdown(content);
}

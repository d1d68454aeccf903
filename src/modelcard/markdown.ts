import { InputError } from '../util/errors.js';
import { closest } from '../util/suggest.js';

/**
 * Markdown model cards: YAML front matter with the SageMaker content structure (the same snake_case keys),
 * and `## Heading` sections in the body for the long free-text fields. Each body section fills one field.
 */
export interface BodySection {
  /** Dotted path into the content, e.g. `intended_uses.intended_uses`. */
  path: readonly string[];
  heading: string;
  aliases: readonly string[];
}

export const BODY_SECTIONS: readonly BodySection[] = [
  {
    path: ['model_overview', 'model_description'],
    heading: 'Model description',
    aliases: ['description', 'overview'],
  },
  { path: ['intended_uses', 'purpose_of_model'], heading: 'Purpose of model', aliases: ['purpose'] },
  { path: ['intended_uses', 'intended_uses'], heading: 'Intended uses', aliases: ['intended use', 'uses'] },
  {
    path: ['intended_uses', 'factors_affecting_model_efficiency'],
    heading: 'Factors affecting model efficiency',
    aliases: [],
  },
  {
    path: ['intended_uses', 'explanations_for_risk_rating'],
    heading: 'Risk rating explanation',
    aliases: ['explanations for risk rating', 'risk rating'],
  },
  { path: ['business_details', 'business_problem'], heading: 'Business problem', aliases: [] },
  {
    path: ['business_details', 'business_stakeholders'],
    heading: 'Business stakeholders',
    aliases: ['stakeholders'],
  },
  {
    path: ['training_details', 'training_observations'],
    heading: 'Training observations',
    aliases: ['training'],
  },
  {
    path: ['additional_information', 'ethical_considerations'],
    heading: 'Ethical considerations',
    aliases: ['ethics'],
  },
  {
    path: ['additional_information', 'caveats_and_recommendations'],
    heading: 'Caveats and recommendations',
    aliases: ['limitations', 'caveats', 'recommendations'],
  },
];

/** `## Evaluation: <job name>` fills that evaluation job's `evaluation_observation`. */
export const EVALUATION_HEADING_PREFIX = 'Evaluation:';

export interface SplitMarkdown {
  frontMatter: string;
  /** Line (1-based) of the first front matter line. */
  frontMatterLine: number;
  sections: Array<{ heading: string; line: number; text: string }>;
}

const MAX_HEADING = 200;

function isFence(line: string): string | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  return m?.[1];
}

/**
 * Splits a Markdown card into front matter and level-2 sections in one pass over the lines
 * (no regex over the whole text), skipping headings inside fenced code blocks.
 */
export function splitMarkdown(file: string, source: string): SplitMarkdown {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---')
    throw new InputError(
      `${file}:1: (root): a Markdown model card starts with YAML front matter between --- lines`,
      {
        file,
        line: 1,
      },
    );
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    // Only an unindented delimiter closes: an indented --- belongs to a YAML block scalar.
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  if (end < 0)
    throw new InputError(`${file}:1: (root): the front matter has no closing --- line`, { file, line: 1 });
  const sections: SplitMarkdown['sections'] = [];
  let current: { heading: string; line: number; body: string[] } | undefined;
  let fence: string | undefined;
  const close = (): void => {
    if (current)
      sections.push({ heading: current.heading, line: current.line, text: current.body.join('\n').trim() });
  };
  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = isFence(line);
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? undefined : marker;
    if (!fence && !marker && line.startsWith('## ')) {
      close();
      current = {
        heading: line
          .slice(3)
          .replace(/[\s#]+$/, '')
          .trim()
          .slice(0, MAX_HEADING),
        line: i + 1,
        body: [],
      };
      continue;
    }
    current?.body.push(line);
  }
  close();
  return { frontMatter: lines.slice(1, end).join('\n'), frontMatterLine: 2, sections };
}

const normalise = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The body section a heading names, or an error that suggests the closest known heading. */
export function sectionForHeading(
  file: string,
  heading: string,
  line: number,
): BodySection | { evaluation: string } {
  if (heading.startsWith(EVALUATION_HEADING_PREFIX))
    return { evaluation: heading.slice(EVALUATION_HEADING_PREFIX.length).trim() };
  const wanted = normalise(heading);
  const found = BODY_SECTIONS.find((s) => normalise(s.heading) === wanted || s.aliases.includes(wanted));
  if (found) return found;
  const suggestion = closest(
    heading,
    BODY_SECTIONS.map((s) => s.heading),
  );
  throw new InputError(
    `${file}:${line}: ## ${heading}: not a model card section${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; ` +
      `known sections: ${BODY_SECTIONS.map((s) => s.heading).join(', ')}, "${EVALUATION_HEADING_PREFIX} <name>"`,
    { file, line, field: heading },
  );
}

/** Text can live in the body only if reading it back gives the same string. */
export function fitsInBody(text: string): boolean {
  if (text === '' || text !== text.trim()) return false;
  return !text.split('\n').some((l) => /^\s*#|^\s*(```|~~~)|^---\s*$|\r/.test(l));
}

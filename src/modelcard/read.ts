import { extname } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import { parseStructuredFile, validateParsed, type ParsedFile } from '../util/structured-file.js';
import { MAX_CONTENT_CHARS, modelCardContentSchema, type ModelCardContent } from './schema.js';
import { sectionForHeading, splitMarkdown } from './markdown.js';

export const MODEL_CARD_FORMATS = ['sagemaker', 'markdown'] as const;
export type ModelCardFormat = (typeof MODEL_CARD_FORMATS)[number];

/** A Markdown card is larger than its content JSON (headings, prose), so it gets some room. */
export const MAX_MODEL_CARD_BYTES = 4 * MAX_CONTENT_CHARS;

export interface ModelCard {
  /** The SageMaker Model Card content, whatever form it was read from. */
  content: ModelCardContent;
  /** Where it came from; absent for cards built in code. */
  source?: {
    file: string;
    format: ModelCardFormat;
    /** Line (1-based) of a field such as ['intended_uses', 'risk_rating'], or of its nearest parent. */
    lineOf(path: readonly PropertyKey[]): number | undefined;
  };
}

export function formatOfFile(file: string): ModelCardFormat {
  return ['.md', '.markdown'].includes(extname(file).toLowerCase()) ? 'markdown' : 'sagemaker';
}

function readText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new InputError(`${file}: not a file`, { file });
    size = stat.size;
  } catch (err) {
    throw new InputError(
      `${file}: cannot read model card (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      { file },
    );
  }
  if (size > MAX_MODEL_CARD_BYTES)
    throw new InputError(`${file}: model card is ${size} bytes, over the limit of ${MAX_MODEL_CARD_BYTES}`, {
      file,
    });
  return readFileSync(file, 'utf8');
}

type Json = Record<string, unknown>;

function objectAt(root: Json, key: string): Json {
  const existing = root[key];
  if (existing === undefined || existing === null) {
    const created: Json = {};
    root[key] = created;
    return created;
  }
  return existing as Json;
}

/** Fills body-section text into the parsed front matter before validation, remembering each heading's line. */
function mergeBody(file: string, source: string): { parsed: ParsedFile; bodyLines: Map<string, number> } {
  const split = splitMarkdown(file, source);
  // A blank first line stands in for the opening ---, so YAML line numbers are the file's line numbers.
  const parsed = parseStructuredFile(file, { text: `\n${split.frontMatter}` });
  if (parsed.data === null || parsed.data === undefined) parsed.data = {};
  if (typeof parsed.data !== 'object' || Array.isArray(parsed.data))
    throw new InputError(`${file}:2: (root): the front matter must be a mapping of model card sections`, {
      file,
      line: 2,
    });
  const data = parsed.data as Json;
  const bodyLines = new Map<string, number>();
  for (const section of split.sections) {
    if (section.text === '') continue;
    const target = sectionForHeading(file, section.heading, section.line);
    let path: string[];
    let holder: Json;
    if ('evaluation' in target) {
      const jobs = Array.isArray(data['evaluation_details']) ? (data['evaluation_details'] as unknown[]) : [];
      const index = jobs.findIndex(
        (j) => typeof j === 'object' && j !== null && (j as Json)['name'] === target.evaluation,
      );
      if (index < 0)
        throw new InputError(
          `${file}:${section.line}: ## ${section.heading}: no evaluation_details entry named "${target.evaluation}" in the front matter`,
          { file, line: section.line, field: 'evaluation_details' },
        );
      holder = jobs[index] as Json;
      path = ['evaluation_details', String(index), 'evaluation_observation'];
    } else {
      path = [...target.path];
      holder = data;
      for (const key of path.slice(0, -1)) {
        const next = objectAt(holder, key);
        if (typeof next !== 'object' || Array.isArray(next))
          throw new InputError(`${file}:${parsed.lineOf([key]) ?? 2}: ${key}: expected a mapping`, {
            file,
            field: key,
          });
        holder = next;
      }
    }
    const leaf = path[path.length - 1]!;
    const field = path.join('.');
    if (holder[leaf] !== undefined)
      throw new InputError(
        `${file}:${section.line}: ${field}: set both in the front matter (line ${parsed.lineOf(path.map((p) => (/^\d+$/.test(p) ? Number(p) : p))) ?? '?'}) and by "## ${section.heading}"; keep one`,
        { file, line: section.line, field },
      );
    holder[leaf] = section.text;
    bodyLines.set(field, section.line);
  }
  return { parsed, bodyLines };
}

/**
 * Reads a model card: SageMaker Model Card content JSON (`.json`, also YAML) or Markdown with YAML front
 * matter (`.md`). Throws InputError naming `file:line: field: reason` when it is not a valid card.
 */
export function readModelCard(file: string): ModelCard {
  const format = formatOfFile(file);
  const source = readText(file);
  let parsed: ParsedFile;
  let bodyLines = new Map<string, number>();
  if (format === 'markdown') ({ parsed, bodyLines } = mergeBody(file, source));
  else parsed = parseStructuredFile(file, { text: source });
  const content = validateParsed(parsed, modelCardContentSchema);
  const size = JSON.stringify(content).length;
  if (size > MAX_CONTENT_CHARS)
    throw new InputError(
      `${file}: (root): the content JSON is ${size} characters, over SageMaker's limit of ${MAX_CONTENT_CHARS}`,
      {
        file,
      },
    );
  return {
    content,
    source: {
      file,
      format,
      lineOf: (path) => bodyLines.get(path.map(String).join('.')) ?? parsed.lineOf(path),
    },
  };
}

/** Parses content JSON already in memory (e.g. from DescribeModelCard), with the same checks. */
export function parseModelCardContent(json: string, name = '<content>'): ModelCard {
  if (json.length > MAX_CONTENT_CHARS)
    throw new InputError(
      `${name}: (root): the content is ${json.length} characters, over SageMaker's limit of ${MAX_CONTENT_CHARS}`,
    );
  const parsed = parseStructuredFile(name, { text: json });
  return { content: validateParsed(parsed, modelCardContentSchema) };
}

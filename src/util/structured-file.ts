import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node, type Tags } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.js';
import { inputFileSize } from './files.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ParsedFile {
  file: string;
  data: unknown;
  /** Line (1-based) of the value at a path such as ['controls', 3, 'owasp'], or the nearest parent found. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Reads a YAML or JSON file (JSON is YAML) keeping positions so errors can name the line. */
export function parseStructuredFile(
  file: string,
  opts: { maxBytes?: number; text?: string; customTags?: Tags } = {},
): ParsedFile {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let text = opts.text;
  if (text === undefined) {
    const size = inputFileSize(file);
    if (size > maxBytes)
      throw new InputError(`${file}: file is ${size} bytes, over the limit of ${maxBytes}`, { file });
    text = readFileSync(file, 'utf8');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    ...(opts.customTags ? { customTags: opts.customTags } : {}),
  });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    throw new InputError(`${file}:${line}: ${firstError.message.split('\n')[0]}`, { file, line });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // The yaml library reports some malformed documents (an alias without its anchor, alias bombs) only when
    // converting, by throwing a plain Error; they are still the user's input errors.
    throw new InputError(`${file}: ${err instanceof Error ? err.message : String(err)}`, {
      file,
      cause: err,
    });
  }
  return {
    file,
    data,
    lineOf(path) {
      let node: unknown = doc.contents;
      let lastLine: number | undefined = node ? lineOfNode(node as Node, lineCounter) : undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
          );
          if (!pair) break;
          const keyLine = isScalar(pair.key) ? lineOfNode(pair.key as Node, lineCounter) : undefined;
          lastLine = keyLine ?? lastLine;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          if (!node) break;
          lastLine = lineOfNode(node as Node, lineCounter) ?? lastLine;
        } else break;
      }
      return lastLine;
    },
  };
}

function lineOfNode(node: Node, lc: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] }).range;
  return range ? lc.linePos(range[0]).line : undefined;
}

/** Formats a zod issue path as `controls[3].owasp`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/**
 * Validates parsed data with a zod schema; on failure throws an InputError naming file, line and field.
 * `describe` can add context to the field, such as the id of the control the path falls in.
 */
export function validateParsed<S extends z.ZodType>(
  parsed: ParsedFile,
  schema: S,
  describe?: (path: readonly PropertyKey[]) => string | undefined,
): z.infer<S> {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  const messages = result.error.issues.slice(0, 5).map((issue) => {
    const line = parsed.lineOf(issue.path);
    const context = describe?.(issue.path);
    const field = formatPath(issue.path);
    return `${parsed.file}${line ? `:${line}` : ''}: ${context ? `${context}: ` : ''}${field}: ${issue.message}`;
  });
  const first = result.error.issues[0]!;
  throw new InputError(messages.join('\n'), {
    file: parsed.file,
    line: parsed.lineOf(first.path),
    field: formatPath(first.path),
  });
}

/** Reads and validates a YAML/JSON file in one step. */
export function loadStructuredFile<S extends z.ZodType>(
  file: string,
  schema: S,
  opts: {
    maxBytes?: number;
    describe?: (path: readonly PropertyKey[], data: unknown) => string | undefined;
  } = {},
): z.infer<S> {
  const parsed = parseStructuredFile(file, opts);
  return validateParsed(parsed, schema, opts.describe ? (p) => opts.describe!(p, parsed.data) : undefined);
}

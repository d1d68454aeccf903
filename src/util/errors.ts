/**
 * An error in something the user gave us (a file, a flag, an HTTP body).
 * The CLI prints `message` as is and exits with `exitCode`; it never prints a stack for these.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly exitCode: number;

  constructor(
    message: string,
    opts: { file?: string; line?: number; field?: string; exitCode?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'InputError';
    this.file = opts.file;
    this.line = opts.line;
    this.field = opts.field;
    this.exitCode = opts.exitCode ?? 2;
  }
}

/** `file:line: field: reason` — the one shape every boundary error is printed in. */
export function formatLocation(file: string | undefined, line: number | undefined, field?: string): string {
  const where = file ? (line ? `${file}:${line}` : file) : '';
  return [where, field].filter(Boolean).join(': ');
}

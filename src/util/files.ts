import { statSync } from 'node:fs';
import { InputError } from './errors.js';

/** The size of a regular file the user named; anything else (missing, a directory, unreadable) is their error. */
export function inputFileSize(file: string): number {
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    throw new InputError(
      `${file}: cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
      {
        file,
        cause: err,
      },
    );
  }
  if (!stat.isFile()) throw new InputError(`${file}: not a file`, { file });
  return stat.size;
}

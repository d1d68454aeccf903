import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root (where package.json is), the same from src/ under tsx and from dist/ after a build. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('aigis: cannot find package root');
    dir = parent;
  }
  root = dir;
  return dir;
}

/** A file shipped in the package's data/ folder (catalog, models, word lists). */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}

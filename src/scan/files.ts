import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

/** Directories never walked into: dependencies, VCS, Terraform's provider cache and build output (cdk.out is kept). */
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.terraform',
  'dist',
  '.aigis',
  '.venv',
  'venv',
  '__pycache__',
  '.hg',
  '.svn',
  'coverage',
]);
const CANDIDATE_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '.template', '.tf']);

export interface CollectedFiles {
  /** Absolute paths of files that may hold IaC, sorted. */
  files: string[];
}

/** Walks the given paths (files or directories) and lists the files worth opening. Missing paths are usage errors. */
export function collectFiles(paths: readonly string[]): CollectedFiles {
  const out = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > 40) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full, depth + 1);
      } else if (entry.isFile() && isCandidate(entry.name)) out.add(full);
    }
  };
  for (const p of paths) {
    const abs = resolve(p);
    if (!existsSync(abs)) throw new InputError(`${p}: no such file or directory`);
    const st = statSync(abs);
    if (st.isDirectory()) walk(abs, 0);
    else out.add(abs);
  }
  return { files: [...out].sort() };
}

function isCandidate(name: string): boolean {
  return CANDIDATE_EXTENSIONS.has(extname(name).toLowerCase());
}

/** The first bytes of a file, to decide what an oversized file is without reading it whole. */
export function readHead(file: string, bytes = 65536): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const LOCAL_MODULE_SOURCE = /\bsource\s*=\s*"(\.\.?\/[^"\n]{0,500})"/g;

/**
 * Directories that another scanned Terraform directory calls as a local module: they are loaded
 * through their caller (addresses module.x....), not again as roots with unset variables.
 */
export function calledModuleDirs(
  tfFilesByDir: Map<string, Array<{ file: string; text: string }>>,
): Set<string> {
  const called = new Set<string>();
  for (const [dir, files] of tfFilesByDir) {
    for (const { text } of files) {
      for (const m of text.matchAll(LOCAL_MODULE_SOURCE)) {
        const target = resolve(dir, m[1]!);
        if (target !== dir && tfFilesByDir.has(target)) called.add(target);
      }
    }
  }
  return called;
}

export const isManifestName = (file: string): boolean => basename(file) === 'manifest.json';
export const isTerraformFile = (file: string): boolean => extname(file) === '.tf';
export const dirOf = dirname;

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../util/errors.js';
import { loadCloudFormation } from './cloudformation.js';
import { MAX_IAC_FILE_BYTES, type LoadError, type LoadResult } from './types.js';

/**
 * A CDK cloud assembly (`cdk.out/manifest.json`): its stack templates are loaded with the
 * CloudFormation loader (source `cdk`), nested assemblies (CDK stages) followed.
 */

const manifestSchema = z
  .object({
    artifacts: z
      .record(
        z.string(),
        z
          .object({
            type: z.string(),
            properties: z.record(z.string(), z.unknown()).optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();

export function isCdkManifest(data: unknown): boolean {
  const parsed = manifestSchema.safeParse(data);
  return (
    parsed.success &&
    typeof (data as Record<string, unknown>)['version'] === 'string' &&
    Object.values(parsed.data.artifacts ?? {}).some(
      (a) => a.type === 'aws:cloudformation:stack' || a.type === 'cdk:cloud-assembly',
    )
  );
}

/** Template files a manifest points at (so a directory walk does not load them a second time as plain CloudFormation). */
export function cdkTemplateFiles(manifestFile: string, depth = 0): string[] {
  if (depth > 5 || !existsSync(manifestFile)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return [];
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) return [];
  const dir = dirname(manifestFile);
  const out: string[] = [];
  for (const artifact of Object.values(parsed.data.artifacts ?? {})) {
    const props = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && typeof props['templateFile'] === 'string')
      out.push(resolve(dir, props['templateFile']));
    if (artifact.type === 'cdk:cloud-assembly' && typeof props['directoryName'] === 'string')
      out.push(...cdkTemplateFiles(join(dir, props['directoryName'], 'manifest.json'), depth + 1));
  }
  return out;
}

/** An InputError from a loader (`file:line: reason`) as a LoadError with the reason alone. */
export function toLoadError(err: InputError, file: string): LoadError {
  const prefix = `${file}${err.line ? `:${err.line}` : ''}: `;
  const message = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
  return err.line ? { file, line: err.line, message } : { file, message };
}

export function loadCdkAssembly(manifestFile: string): LoadResult {
  const result: LoadResult = { recognized: true, resources: [], warnings: [], errors: [] };
  const errors: LoadError[] = result.errors!;
  if (!existsSync(manifestFile))
    throw new InputError(`${manifestFile}: no such file`, { file: manifestFile });
  for (const template of cdkTemplateFiles(manifestFile)) {
    if (!existsSync(template)) {
      errors.push({ file: template, message: `template named in ${manifestFile} does not exist` });
      continue;
    }
    const size = statSync(template).size;
    if (size > MAX_IAC_FILE_BYTES) {
      errors.push({
        file: template,
        message: `file is ${size} bytes, over the limit of ${MAX_IAC_FILE_BYTES}`,
      });
      continue;
    }
    try {
      const loaded = loadCloudFormation(readFileSync(template, 'utf8'), template, { source: 'cdk' });
      result.resources.push(...loaded.resources);
      result.warnings.push(...loaded.warnings);
    } catch (err) {
      if (err instanceof InputError) errors.push(toLoadError(err, template));
      else throw err;
    }
  }
  return result;
}

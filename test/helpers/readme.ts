import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README section whose `## ` heading starts with `heading`, up to the next `## ` heading outside code
 * fences. Tests read it so that what the README states stays true.
 */
export function readmeSection(heading: string): string {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const lines = text.split('\n');
  let inFence = false;
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || !line.startsWith('## ')) continue;
    if (start >= 0) {
      end = i;
      break;
    }
    if (line.slice(3).startsWith(heading)) start = i;
  }
  if (start < 0) throw new Error(`README.md has no section '## ${heading}'`);
  return lines.slice(start, end).join('\n');
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file of a built site with its bytes, by path. */
export function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

/** The paths that one site has and the other has not, or has with other bytes. */
export function differingFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => !a.has(path) || !b.has(path) || !a.get(path)!.equals(b.get(path)!)).sort();
}

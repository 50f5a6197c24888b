import { spawn } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** How a measured command ran: wall time, the peak resident memory of it and its child processes together, and the end of its output. */
export interface CommandFigures {
  ms: number;
  peakRssBytes: number;
  output: string;
}

// /proc/<pid>/stat: `pid (comm) state ppid …`; comm may hold spaces and parentheses, so read after the last ")".
async function parentOf(pid: string): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

async function residentBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** The resident memory of a process and all its descendants now (Linux /proc). */
export async function treeResidentBytes(root: number): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const parents = await Promise.all(pids.map(parentOf));
  const children = new Map<number, number[]>();
  pids.forEach((pid, i) => {
    const parent = parents[i];
    if (parent != null) children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
  });
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return (await Promise.all(tree.map(residentBytes))).reduce((sum, bytes) => sum + bytes, 0);
}

/**
 * Runs a command to completion, sampling the resident memory of its process tree every 200 ms, so a
 * command that works in several processes is measured whole. Throws with the command's output when it fails.
 */
export async function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CommandFigures> {
  const start = performance.now();
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  let peak = 0;
  const sampler = setInterval(async () => (peak = Math.max(peak, await treeResidentBytes(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`);
  return { ms: performance.now() - start, peakRssBytes: peak, output };
}

/** Every file under `dir`, recursively, with its size. */
export async function listFiles(dir: string): Promise<{ path: string; bytes: number }[]> {
  const files: { path: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.push({ path, bytes: (await stat(path)).size });
  }
  return files;
}

/** The median of some numbers (0 for none). */
export function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The gzip-compressed size of a file, as a static host would transfer it. */
export async function gzippedBytes(path: string): Promise<number> {
  return gzipSync(await readFile(path)).length;
}

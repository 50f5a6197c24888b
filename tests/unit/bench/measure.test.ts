import { describe, expect, it } from 'vitest';
import { median, runMeasured } from '../../../src/lib/bench/measure';

describe('bench measurements', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('reports the peak memory of a command that holds 100 MB', async () => {
    const figures = await runMeasured(process.execPath, ['-e', 'const b = Buffer.alloc(100 * 2 ** 20, 1); setTimeout(() => b.length, 600)'], {
      cwd: process.cwd(),
      env: process.env,
    });
    expect(figures.peakRssBytes).toBeGreaterThan(100 * 2 ** 20);
    expect(figures.ms).toBeGreaterThan(500);
  });

  it('adds up the memory of the child processes a command starts', async () => {
    const holder = 'const b = Buffer.alloc(100 * 2 ** 20, 1); setTimeout(() => b.length, 1500)';
    const parent = `const { spawn } = require('node:child_process'); for (let i = 0; i < 2; i++) spawn(process.execPath, ['-e', ${JSON.stringify(holder)}], { stdio: 'inherit' });`;
    const figures = await runMeasured(process.execPath, ['-e', parent], { cwd: process.cwd(), env: process.env });
    expect(figures.peakRssBytes).toBeGreaterThan(200 * 2 ** 20);
  });

  it('fails with the output of a command that fails', async () => {
    await expect(runMeasured(process.execPath, ['-e', 'console.error("broken"); process.exit(3)'], { cwd: process.cwd(), env: process.env })).rejects.toThrow(
      /exit 3\):\nbroken/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createHostScheduler } from '../../../src/lib/tracker/scheduler';

describe('createHostScheduler', () => {
  it('runs one task at a time per host and at most the concurrency overall', async () => {
    const scheduler = createHostScheduler(2);
    let running = 0;
    let peak = 0;
    const perHost = new Map<string, number>();
    let hostPeak = 0;
    const task = (host: string) =>
      scheduler.run(`https://${host}/x`, async () => {
        running++;
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        peak = Math.max(peak, running);
        hostPeak = Math.max(hostPeak, perHost.get(host)!);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running--;
        perHost.set(host, perHost.get(host)! - 1);
        return host;
      });
    const results = await Promise.all(['a', 'a', 'b', 'c', 'a', 'b'].map(task));
    expect(results).toEqual(['a', 'a', 'b', 'c', 'a', 'b']);
    expect(peak).toBe(2);
    expect(hostPeak).toBe(1);
  });

  it('keeps going after a task of a host failed', async () => {
    const scheduler = createHostScheduler(1);
    const failed = scheduler.run('https://a/1', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(scheduler.run('https://a/2', async () => 'ok')).resolves.toBe('ok');
  });
});

/** Runs tasks with at most `concurrency` at a time overall and one at a time per host, in submission order per host. */
export function createHostScheduler(concurrency: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const hostTails = new Map<string, Promise<unknown>>();

  async function acquire(): Promise<void> {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return {
    /** Schedules `task` for the host of `url`; resolves or rejects with the task's outcome. */
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const host = new URL(url).host;
      const previous = hostTails.get(host) ?? Promise.resolve();
      const result = previous.then(async () => {
        await acquire();
        try {
          return await task();
        } finally {
          release();
        }
      });
      const tail = result.catch(() => undefined);
      hostTails.set(host, tail);
      void tail.then(() => {
        if (hostTails.get(host) === tail) hostTails.delete(host);
      });
      return result;
    },
  };
}

/** A scheduler from createHostScheduler. */
export type HostScheduler = ReturnType<typeof createHostScheduler>;

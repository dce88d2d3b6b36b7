import type { FastifyInstance } from "fastify";

export interface PeriodicJobOptions {
  enabled: boolean;
  everyMs?: number;
  now?: () => Date;
}

/**
 * Runs `pass` once when the server is ready (a restart must not delay what came due by a whole period), then every
 * `everyMs` (an hour by default). Passes never overlap; on close the job stops after the pass in progress, which
 * is told through `stopping()` so a long pass can end early. Off in tests, which call the pass at chosen instants.
 */
export function registerPeriodicJob(
  app: FastifyInstance,
  name: string,
  pass: (now: Date, stopping: () => boolean) => Promise<unknown>,
  options: PeriodicJobOptions,
) {
  if (!options.enabled) return;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopping = false;
  const tick = () => {
    if (running || stopping) return;
    running = pass(now(), () => stopping)
      .catch((error) => app.log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  };
  app.addHook("onReady", async () => {
    timer = setInterval(tick, options.everyMs ?? 60 * 60_000);
    timer.unref();
    tick();
  });
  app.addHook("onClose", async () => {
    stopping = true;
    if (timer) clearInterval(timer);
    await running;
  });
}

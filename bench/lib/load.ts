// Load generation over loopback with autocannon (ADR 0017), with our own latency record: autocannon's histogram
// keeps whole milliseconds, too coarse for floors that answer in a fraction of one.
import fs from "node:fs";
import { createRequire } from "node:module";
import autocannon, { type RawRequest } from "autocannon";

// autocannon appends every chunk of every response body to a string, decoding it as UTF-8. With 200–350 kB of
// French JSON or iCalendar per answer, that decoding cost the load generator more than the server spent
// answering, and the floors measured the client. Bodies are never checked here, so the bench keeps only their
// byte count (autocannon counts bytes on its own). Pinned version: check this method when upgrading (ADR 0017).
const PipelinedRequestsQueue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js") as {
  prototype: { addBody(data: Buffer): void };
};
PipelinedRequestsQueue.prototype.addBody = () => {};

export interface Variant {
  /** Builds request number i (path, method, headers, body); i keeps counting across warm-up and rounds. */
  request: (i: number) => RawRequest;
}

export interface LoadOptions {
  base: string;
  connections: number;
  /** Per round: seconds of load, or a fixed number of requests. */
  duration?: number;
  amount?: number;
  /** Seconds of unrecorded load per variant before the first round. */
  warmup?: number;
  /** The variants take turns this many times, so that a change of load on the machine hits them alike. */
  rounds?: number;
  /** Process whose CPU time is sampled during the runs (the server). */
  pid?: number;
  /** A cheap route that goes through the database (`/api/health`): polled after each run until it answers fast. */
  idlePath?: string;
}

export interface LoadResult {
  requests: number;
  ok: number;
  /** Status codes other than 2xx, with their counts. */
  failures: Record<string, number>;
  errors: number;
  seconds: number;
  /** Successful answers per second. */
  rps: number;
  p50: number;
  p99: number;
  /** Share of one core the server process used during the runs (1 = one full core). */
  serverCpu: number | null;
  /** The same for the load generator (this process). */
  clientCpu: number;
  /** Resident memory of the server after its last round, in MB. */
  serverRssMb: number | null;
  /**
   * Server CPU time per successful answer, in ms: what the route costs the server whatever limited the run (the
   * client, other work on the machine). With PostgreSQL, the database's own processes are not counted.
   */
  serverMsPerAnswer: number | null;
}

const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Every request comes from a different client address (X-Forwarded-For, which the app trusts): the rate limit
 * of 600 requests a minute per address stays on and costs what it costs in production, without refusing the load.
 */
let address = 0;
const clientAddress = () => {
  const i = address++;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
};

/**
 * When autocannon stops, the server still works through the requests it had accepted: with 32 connections on
 * windows built from the database, seconds of work. The next variant waits until a database round trip is
 * quick again, so that it does not pay for the previous one.
 */
async function settle(options: LoadOptions) {
  if (!options.idlePath) return;
  const deadline = performance.now() + 120_000;
  let quick = 0;
  while (quick < 3 && performance.now() < deadline) {
    const started = performance.now();
    await fetch(options.base + options.idlePath).then((r) => r.arrayBuffer());
    quick = performance.now() - started < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Tally {
  latencies: number[];
  ok: number;
  failures: Record<string, number>;
  errors: number;
  seconds: number;
  ticks: number | null;
  clientMicros: number;
  rss: number | null;
}

async function run(options: LoadOptions, variant: Variant, counter: { next: number }, tally: Tally | null, seconds?: number) {
  const amount = tally ? options.amount : undefined;
  const instance = autocannon({
    url: options.base,
    connections: options.connections,
    ...(amount ? { amount } : { duration: seconds ?? options.duration }),
    timeout: 60,
    requests: [
      {
        setupRequest: (incoming) => {
          const req = variant.request(counter.next++);
          return { ...incoming, ...req, headers: { ...incoming.headers, ...req.headers, "x-forwarded-for": clientAddress() } };
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (!tally) return;
    if (status >= 200 && status < 300) {
      tally.ok++;
      tally.latencies.push(ms);
    } else tally.failures[status] = (tally.failures[status] ?? 0) + 1;
  });
  const started = performance.now();
  const before = cpuTicks(options.pid);
  const client = process.cpuUsage();
  const result = await instance;
  const after = cpuTicks(options.pid);
  const used = process.cpuUsage(client);
  const elapsed = (performance.now() - started) / 1000;
  await settle(options);
  if (!tally) return;
  tally.seconds += elapsed;
  tally.errors += result.errors;
  tally.clientMicros += used.user + used.system;
  tally.rss = rssMb(options.pid);
  tally.ticks = before !== null && after !== null && tally.ticks !== null ? tally.ticks + (after - before) : null;
}

/**
 * Measures several variants (a floor and the routes compared with it) under the same load: each is warmed up,
 * then they take turns, round after round, and each one's answers are pooled over its rounds.
 */
export async function compare(options: LoadOptions, variants: Variant[]): Promise<LoadResult[]> {
  // One numbering per variant for warm-up and rounds: requests that write never repeat one another.
  const counters = variants.map(() => ({ next: 0 }));
  const tallies: Tally[] = variants.map(() => ({
    latencies: [],
    ok: 0,
    failures: {},
    errors: 0,
    seconds: 0,
    ticks: 0,
    clientMicros: 0,
    rss: null,
  }));
  for (const [k, v] of variants.entries()) if (options.warmup) await run(options, v, counters[k], null, options.warmup);
  for (let round = 0; round < (options.rounds ?? 1); round++)
    for (const [k, v] of variants.entries()) await run(options, v, counters[k], tallies[k]);
  return tallies.map((t) => {
    const sorted = Float64Array.from(t.latencies).sort();
    return {
      requests: t.ok + Object.values(t.failures).reduce((a, b) => a + b, 0),
      ok: t.ok,
      failures: t.failures,
      errors: t.errors,
      seconds: t.seconds,
      rps: t.ok / t.seconds,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      serverCpu: t.ticks === null ? null : t.ticks / TICKS_PER_SECOND / t.seconds,
      clientCpu: t.clientMicros / 1e6 / t.seconds,
      serverRssMb: t.rss,
      serverMsPerAnswer: t.ticks === null || t.ok === 0 ? null : ((t.ticks / TICKS_PER_SECOND) * 1000) / t.ok,
    };
  });
}

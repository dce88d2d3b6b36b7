// npm run bench agenda [-- --scale 0.05] [--engine pglite|postgres|both] [--duration 5] [--rounds 3] [--creates 300]
//                       [--reuse] [--keep] [--generate-only] [--only window,window-cached,feed,create] [--profile]
//
// The agenda at national scale (docs/performance.md): generates 300 consortia × 6 places and 1,000,000 events in
// the database (bench/lib/agenda-data.ts), starts the server as `npm start` does, loads it over loopback with
// autocannon and quotes every figure as a ratio to a floor measured in the same run, on the same server:
//   - the month window of one consortium, against the same bytes served from memory by a bare route;
//   - creating an event with all its checks, against the same insert without checks;
//   - one place's iCalendar feed, against the same bytes from memory.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createDatabase, pgliteExtensions } from "../src/server/db/client.ts";
import { EVENT_AUDIENCES } from "../src/shared/vocabulary.ts";
import { addDays, viewRange } from "../src/web/features/agenda/lib/calendar.ts";
import { BENCH_USER, checkSeries, type Dataset, type Exec, generateAgendaData } from "./lib/agenda-data.ts";
import { compare, type LoadResult, type Variant } from "./lib/load.ts";
import { newestProfile, summarizeProfile } from "./lib/profile.ts";
import { buildServer, type RunningServer, root, signIn, startServer } from "./lib/server.ts";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    engine: { type: "string", default: "both" },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "2" },
    creates: { type: "string", default: "300" },
    reuse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
    only: { type: "string", default: "window,feed,create" },
    profile: { type: "boolean", default: false },
  },
});
const scale = Number(args.scale);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const rounds = Number(args.rounds);
const creates = Number(args.creates);
const only = new Set(args.only.split(","));
const engines = args.engine === "both" ? (["pglite", "postgres"] as const) : ([args.engine] as Array<"pglite" | "postgres">);
if (!(scale > 0 && scale <= 1) || !engines.every((e) => e === "pglite" || e === "postgres")) {
  console.error("Usage: npm run bench agenda -- [--scale 0<s≤1] [--engine pglite|postgres|both] [--duration s] [--creates n]");
  process.exit(2);
}

const work = path.join(root, ".tmp/bench-agenda");
fs.mkdirSync(work, { recursive: true });
const PORT = 3931;
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PG_DATABASE = "maillage_bench_agenda";
const pgUrl = () => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  return url.toString();
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

// ---------------------------------------------------------------- data

const CREATED_MARK = "Créé par le banc d'essai de l'agenda.";

interface Prepared {
  env: Record<string, string>;
  dataset: Dataset;
  generatedIn: number | null;
  /** Occurrences of the busiest place in the year starting this month (what its feed covers at most). */
  placeYear: number;
  cleanup(): Promise<void>;
}

async function generateWith(exec: Exec): Promise<{ dataset: Dataset; generatedIn: number; placeYear: number }> {
  const started = performance.now();
  const dataset = await generateAgendaData(exec, { scale, log: (line) => console.log(line) });
  const generatedIn = performance.now() - started;
  const check = await checkSeries(exec);
  console.log(
    `  RRULE check: ${check.checked} series compared with the app's expansion, ${check.mismatches.length} mismatch(es)`,
  );
  for (const m of check.mismatches.slice(0, 5)) console.log(`    ${m}`);
  if (check.mismatches.length > 0) throw new Error("generated occurrences differ from the app's expansion");
  return { dataset, generatedIn, placeYear: await placeYearOf(exec, dataset) };
}

async function placeYearOf(exec: Exec, dataset: Dataset) {
  const from = `${today.slice(0, 7)}-01`;
  const [row] = await exec(`select count(*)::int as n from event_occurrences
    where place_id = '${dataset.target.places[0].id}' and starts_at >= '${from}' and starts_at < date '${from}' + interval '1 year'`);
  return Number(row.n);
}

/** A reused dataset holds the events a previous run created, in the very slots this run creates them in. */
const FORGET_CREATED = `delete from events where description = '${CREATED_MARK.replace(/'/g, "''")}'`;

async function preparePglite(): Promise<Prepared> {
  const dataDir = path.join(work, `pglite-${scale}`);
  const manifest = path.join(dataDir, "bench.json");
  const cleanup = async () => {
    if (!args.keep && !args.reuse) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  if (args.reuse && fs.existsSync(manifest)) {
    console.log(`  reusing ${path.relative(root, dataDir)}`);
    const saved = JSON.parse(fs.readFileSync(manifest, "utf8"));
    const client = await PGlite.create(path.join(dataDir, "pg"), { extensions: pgliteExtensions });
    try {
      await client.query(FORGET_CREATED);
    } finally {
      await client.close();
    }
    return { env: { DATA_DIR: dataDir }, ...saved, generatedIn: null, cleanup };
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database = await createDatabase({ dataDir });
  await database.migrate();
  await database.close();
  const client = await PGlite.create(path.join(dataDir, "pg"), { extensions: pgliteExtensions });
  try {
    const result = await generateWith(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
    fs.writeFileSync(manifest, JSON.stringify({ dataset: result.dataset, placeYear: result.placeYear }));
    return { env: { DATA_DIR: dataDir }, ...result, cleanup };
  } finally {
    await client.close();
  }
}

async function adminQuery(text: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function preparePostgres(): Promise<Prepared> {
  const manifest = path.join(work, `postgres-${scale}.json`);
  const env = { DATABASE_URL: pgUrl() };
  const cleanup = async () => {
    if (args.keep || args.reuse) return;
    await adminQuery(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    fs.rmSync(manifest, { force: true });
  };
  if (args.reuse && fs.existsSync(manifest)) {
    console.log(`  reusing database ${PG_DATABASE}`);
    const client = new pg.Client({ connectionString: pgUrl() });
    await client.connect();
    await client.query(FORGET_CREATED).finally(() => client.end());
    return { env, ...JSON.parse(fs.readFileSync(manifest, "utf8")), generatedIn: null, cleanup };
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${PG_DATABASE}`);
  const database = await createDatabase({ url: pgUrl() });
  await database.migrate();
  await database.close();
  const client = new pg.Client({ connectionString: pgUrl() });
  await client.connect();
  try {
    // Bulk load: commits need not wait for the disk; the figures measured later run with the defaults.
    await client.query("set synchronous_commit = off");
    await client.query("set maintenance_work_mem = '256MB'");
    const result = await generateWith(async (text) => (await client.query(text)).rows);
    fs.writeFileSync(manifest, JSON.stringify({ dataset: result.dataset, placeYear: result.placeYear }));
    return { env, ...result, cleanup };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- measures

interface Row {
  measure: string;
  connections: number;
  floor: LoadResult;
  route: LoadResult;
  /** Which ratios have a target: throughput and p99 (windows, feeds) or p99 only (create). */
  kind: "read" | "write" | "info";
  /** One request at a time, a fixed number of them: only latencies mean something, not requests a second. */
  sequential?: boolean;
}

const json = { "content-type": "application/json" };

/** Stores bytes in the floor route of the server. */
async function setFloor(server: RunningServer, name: string, body: Buffer, type: string) {
  const res = await fetch(`${server.base}/__bench/floor/${name}`, {
    method: "POST",
    headers: { "content-type": type },
    body: new Uint8Array(body),
  });
  if (res.status !== 204) throw new Error(`floor route answered ${res.status}: is BENCH_FLOOR=1 registered in app.ts?`);
}

function monthWindow(day: string) {
  const { from, to } = viewRange("month", day);
  return `from=${from}&to=${to}`;
}

/** A short word nobody would type, so that created events are never taken for duplicates of each other. */
function nonsense(i: number) {
  const syllables = ["ka", "ro", "mi", "tu", "ze", "lo", "vi", "pa", "ne", "su", "go", "fi", "da", "ju", "bo", "xe"];
  let word = "";
  let n = i * 7919 + 104729;
  for (let k = 0; k < 4; k++) {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length) + k * 31;
  }
  return word[0].toUpperCase() + word.slice(1);
}

/**
 * The body of the n-th event created: each of the first 5,400 at its own (place, space, day), at an hour the
 * programme never books (floor at 6:00, route at 7:00, checks at 8:00, 50 minutes each), so that the space
 * check passes; one audience, so that the audience check meets the programme of the day and the author accepts
 * the clash.
 */
function eventBody(dataset: Dataset, i: number, hour: string, acknowledge: boolean) {
  const places = dataset.target.places;
  const place = places[i % places.length];
  const space = place.spaceIds[Math.floor(i / places.length) % place.spaceIds.length];
  // Slot group k goes to day 1 + 37k mod 300: distinct days for 300 groups, spread over the year ahead, so
  // that the creations do not pile up in the month window measured before them (or in the next run's, with --reuse).
  const group = Math.floor(i / (places.length * place.spaceIds.length));
  const day = addDays(today, 1 + ((group * 37) % 300));
  return JSON.stringify({
    title: `${nonsense(i)} ${nonsense(i + 50_000)}`,
    description: CREATED_MARK,
    venue: "place",
    placeId: place.id,
    spaceId: space,
    organizerIds: [place.organizationId],
    allDay: false,
    start: `${day}T${hour}:00`,
    end: `${day}T${hour}:50`,
    audiences: [EVENT_AUDIENCES[i % EVENT_AUDIENCES.length]],
    themes: ["numérique"],
    visibility: "public",
    status: "confirmed",
    ...(acknowledge ? { acknowledge: { clashReason: "Banc d'essai : public accueilli dans un autre cadre" } } : {}),
  });
}

/**
 * PostgreSQL only: how many transactions (here, queries: the reads run outside transactions) one request of a
 * route costs, from the database's own counter. Backends report it when idle, within ten seconds.
 */
async function transactionsPerRequest(server: RunningServer, requestPath: string, headers: Record<string, string>, n = 200) {
  const client = new pg.Client({ connectionString: pgUrl() });
  await client.connect();
  const settle = () => new Promise((r) => setTimeout(r, 11_000));
  const read = async () => {
    await client.query("select pg_stat_clear_snapshot()");
    const { rows } = await client.query("select xact_commit::bigint as n from pg_stat_database where datname = $1", [
      PG_DATABASE,
    ]);
    return Number(rows[0].n);
  };
  try {
    await fetch(server.base + requestPath, { headers }).then((r) => r.arrayBuffer());
    await settle();
    const before = await read();
    for (let i = 0; i < n; i++) await fetch(server.base + requestPath, { headers }).then((r) => r.arrayBuffer());
    await settle();
    // Our two reads of the counter are transactions too.
    return ((await read()) - before - 2) / n;
  } finally {
    await client.end();
  }
}

async function measure(engine: string, prepared: Prepared): Promise<{ rows: Row[]; notes: string[] }> {
  const { dataset } = prepared;
  const profileDir = path.join(work, `profile-${engine}`);
  if (args.profile) fs.rmSync(profileDir, { recursive: true, force: true });
  const server = await startServer({ ...prepared.env, BENCH_FLOOR: "1" }, PORT, path.join(work, `server-${engine}.log`), {
    profileDir: args.profile ? profileDir : undefined,
  });
  console.log(`  server started in ${server.startedIn.toFixed(1)} s (pid ${server.pid})`);
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const cookie = await signIn(server.base, BENCH_USER.email, BENCH_USER.password);
    const common = { base: server.base, pid: server.pid, duration, warmup, rounds, idlePath: "/api/health" };
    const slug = dataset.target.slug;

    // Month window: the grid the month view asks for, this month, for the busiest consortium's coordinator.
    const windowPath = `/api/consortia/${slug}/agenda/events?${monthWindow(today)}`;
    const first = await fetch(server.base + windowPath, { headers: { cookie } });
    if (!only.has("window") && !only.has("window-cached")) await first.arrayBuffer();
    else if (first.status === 200) {
      const windowBytes = Buffer.from(await first.arrayBuffer());
      const windowItems = JSON.parse(windowBytes.toString()).items.length as number;
      notes.push(`month window ${monthWindow(today)}: ${windowItems} occurrences, ${(windowBytes.length / 1024).toFixed(0)} kB`);
      if (engine === "postgres")
        notes.push(
          `month window from the cache: ${(await transactionsPerRequest(server, windowPath, { cookie })).toFixed(1)} queries a request`,
        );
      await setFloor(server, "window", windowBytes, first.headers.get("content-type") ?? "application/json");

      // Every consortium × every generated month, in an order that never repeats a window within a run.
      const rotation: string[] = [];
      const [y, mo] = dataset.firstDay.split("-").map(Number);
      for (let m = 0; m < dataset.months; m++) {
        const day = new Date(Date.UTC(y, mo - 1 + m, 15)).toISOString().slice(0, 10);
        for (const c of dataset.consortia) rotation.push(`/api/consortia/${c.slug}/agenda/events?${monthWindow(day)}`);
      }
      for (let i = rotation.length - 1; i > 0; i--) {
        const j = (i * 2654435761) % (i + 1);
        [rotation[i], rotation[j]] = [rotation[j], rotation[i]];
      }
      notes.push(`rotation over ${rotation.length} windows (${dataset.consortia.length} consortia × ${dataset.months} months)`);

      for (const connections of [10, 32]) {
        const variants: Variant[] = [
          { request: () => ({ path: "/__bench/floor/window", headers: { cookie } }) },
          { request: () => ({ path: windowPath, headers: { cookie } }) },
        ];
        if (!only.has("window-cached"))
          variants.push({ request: (i: number) => ({ path: rotation[i % rotation.length], headers: { cookie } }) });
        const [floor, route, rotating] = await compare({ ...common, connections }, variants);
        rows.push({ measure: "month window, same (cached)", connections, floor, route, kind: "read" });
        if (rotating) rows.push({ measure: "month window, rotating", connections, floor, route: rotating, kind: "info" });
      }
      notes.push(`server memory after the rotating windows: ${rows.at(-1)?.route.serverRssMb?.toFixed(0) ?? "?"} MB resident`);
    } else {
      notes.push(`month window answered ${first.status}: not measured (${(await first.text()).slice(0, 200)})`);
    }

    // One place's feed: the busiest place of the consortium.
    const place = dataset.target.places[0];
    const feedPath = `/ics/${slug}/places/${place.slug}.ics`;
    const feed = await fetch(server.base + feedPath);
    if (!only.has("feed")) await feed.arrayBuffer();
    else if (feed.status === 200) {
      const feedBytes = Buffer.from(await feed.arrayBuffer());
      const text = feedBytes.toString();
      const vevents = text.split("BEGIN:VEVENT").length - 1;
      const rules = text.split("\nRRULE:").length - 1;
      notes.push(
        `feed ${feedPath}: ${vevents} VEVENTs (${rules} series), ${(feedBytes.length / 1024).toFixed(0)} kB; ` +
          `the place has ${prepared.placeYear} occurrences in the year from this month`,
      );
      await setFloor(server, "feed", feedBytes, feed.headers.get("content-type") ?? "text/calendar");
      if (engine === "postgres")
        notes.push(
          `place feed from the cache: ${(await transactionsPerRequest(server, feedPath, {})).toFixed(1)} queries a request`,
        );
      for (const connections of [10, 32]) {
        const [floor, route] = await compare({ ...common, connections }, [
          { request: () => ({ path: "/__bench/floor/feed" }) },
          { request: () => ({ path: feedPath }) },
        ]);
        rows.push({ measure: "place feed, one year", connections, floor, route, kind: "read" });
      }
    } else {
      notes.push(`feed ${feedPath} answered ${feed.status}: not measured`);
    }

    if (only.has("create")) await measureCreate(server, dataset, cookie, rows);
  } finally {
    await server.stop();
  }
  if (args.profile) {
    const file = newestProfile(profileDir);
    if (file) notes.push(summarizeProfile(file));
  }
  return { rows, notes };
}

/** Creating an event, one request at a time: all checks against the bare insert, and the checks alone. */
async function measureCreate(server: RunningServer, dataset: Dataset, cookie: string, rows: Row[]) {
  const slug = dataset.target.slug;
  const options = {
    base: server.base,
    pid: server.pid,
    amount: Math.ceil(creates / rounds),
    warmup: 1,
    rounds,
    connections: 1,
    idlePath: "/api/health",
  };
  const [floor, route, check] = await compare(options, [
    {
      request: (i) => ({
        method: "POST",
        path: `/__bench/insert/${dataset.target.id}`,
        headers: json,
        body: eventBody(dataset, i, "06", false),
      }),
    },
    {
      request: (i) => ({
        method: "POST",
        path: `/api/consortia/${slug}/agenda/events`,
        headers: { ...json, cookie },
        body: eventBody(dataset, i, "07", true),
      }),
    },
    {
      request: (i) => ({
        method: "POST",
        path: `/api/consortia/${slug}/agenda/check`,
        headers: { ...json, cookie },
        body: eventBody(dataset, i, "08", false),
      }),
    },
  ]);
  rows.push({ measure: "create event, all checks", connections: 1, floor, route, kind: "write", sequential: true });
  rows.push({ measure: "check only (POST /check)", connections: 1, floor, route: check, kind: "info", sequential: true });
}

// ---------------------------------------------------------------- report

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const pad = (s: string, n: number) => s.padEnd(n);
const padl = (s: string, n: number) => s.padStart(n);

function verdict(row: Row) {
  const throughput = row.route.rps / row.floor.rps;
  const p99 = row.route.p99 / row.floor.p99;
  if (row.kind === "read") return throughput >= 0.25 && p99 <= 4 ? "met" : "MISSED";
  if (row.kind === "write") return p99 <= 2 ? "met" : "MISSED";
  return "–";
}

function failuresOf(r: LoadResult) {
  const parts = Object.entries(r.failures).map(([code, n]) => `${n}×${code}`);
  if (r.errors) parts.push(`${r.errors} errors`);
  return parts.join(" ");
}

function table(engine: string, rows: Row[]) {
  const pct = (x: number | null) => (x === null ? "?" : `${Math.round(x * 100)}%`);
  const lines = [
    `${pad("measure", 28)} ${padl("conn", 4)} ${padl("floor/s", 7)} ${padl("route/s", 7)} ${padl("ratio", 5)} ` +
      `${padl("floor p50/p99", 15)} ${padl("route p50/p99", 15)} ${padl("p99 ×", 5)} ${padl("cpu ms/answer", 15)} ` +
      `${padl("server cpu", 10)} ${padl("client cpu", 10)}  target`,
  ];
  for (const r of rows) {
    const perAnswer =
      r.floor.serverMsPerAnswer === null || r.route.serverMsPerAnswer === null
        ? "?"
        : `${ms(r.floor.serverMsPerAnswer)}/${ms(r.route.serverMsPerAnswer)} ×${(r.route.serverMsPerAnswer / r.floor.serverMsPerAnswer).toFixed(0)}`;
    const rate = (x: LoadResult) => (r.sequential ? "–" : x.rps.toFixed(0));
    lines.push(
      `${pad(r.measure, 28)} ${padl(String(r.connections), 4)} ${padl(rate(r.floor), 7)} ${padl(rate(r.route), 7)} ` +
        `${padl(rate(r.floor) === "–" ? "–" : pct(r.route.rps / r.floor.rps), 5)} ` +
        `${padl(`${ms(r.floor.p50)}/${ms(r.floor.p99)}`, 15)} ${padl(`${ms(r.route.p50)}/${ms(r.route.p99)}`, 15)} ` +
        `${padl((r.route.p99 / r.floor.p99).toFixed(1), 5)} ${padl(perAnswer, 15)} ` +
        `${padl(`${pct(r.floor.serverCpu)}/${pct(r.route.serverCpu)}`, 10)} ${padl(`${pct(r.floor.clientCpu)}/${pct(r.route.clientCpu)}`, 10)}  ${verdict(r)}` +
        `${failuresOf(r.route) ? `  (route: ${failuresOf(r.route)})` : ""}${failuresOf(r.floor) ? `  (floor: ${failuresOf(r.floor)})` : ""}`,
    );
  }
  return [`${engine}:`, ...lines.map((l) => `  ${l}`)].join("\n");
}

await buildServer();
console.log(
  `agenda benchmark — scale ${scale} (${Math.max(2, Math.round(300 * scale))} consortia), engines: ${engines.join(", ")}; ` +
    `${rounds} rounds of ${duration} s per measure after ${warmup} s of warm-up, ${creates} creations`,
);
const reports: string[] = [];
const results: Record<string, unknown> = {};
for (const engine of engines) {
  console.log(`\n${engine}: generating`);
  const prepared = engine === "pglite" ? await preparePglite() : await preparePostgres();
  try {
    if (prepared.generatedIn !== null) console.log(`  generated in ${seconds(prepared.generatedIn)}`);
    console.log(
      `  ${Object.entries(prepared.dataset.counts)
        .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
        .join(", ")}`,
    );
    if (args["generate-only"]) continue;
    console.log(`${engine}: measuring`);
    const { rows, notes } = await measure(engine, prepared);
    for (const n of notes) console.log(`  ${n}`);
    const report = table(engine, rows);
    console.log(report);
    reports.push(report);
    results[engine] = { generatedIn: prepared.generatedIn, counts: prepared.dataset.counts, notes, rows };
  } finally {
    await prepared.cleanup();
  }
}
fs.writeFileSync(
  path.join(work, `results-${scale}.json`),
  JSON.stringify({ date: new Date(), scale, duration, results }, null, 2),
);
console.log(
  `\nSummary (ratios to the floor of the same run; targets: reads ≥ 25 % of the floor's throughput and p99 ≤ 4×, create p99 ≤ 2×)\n${reports.join("\n")}`,
);

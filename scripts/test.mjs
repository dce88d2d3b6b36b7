// `npm test`: every suite, then one line "N passed, N failed" summing them all.
//   1. unit + HTTP integration on PGlite (Vitest)
//   2. the integration suites again on PostgreSQL when TEST_DATABASE_URL is set
//   3. browser journeys in the system Chromium with axe checks (Playwright)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bin, buildWebIfStale, root } from "./lib.mjs";

const tmp = path.join(root, ".tmp");
fs.mkdirSync(tmp, { recursive: true });

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((c) => c && fs.existsSync(c));
}

function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("Chromium introuvable : installation du paquet Debian « chromium »…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
    found = findChromium();
    if (found) return found;
  }
  console.error(
    [
      "Les tests navigateur ont besoin de Chromium, introuvable sur cette machine.",
      "Browser tests need Chromium, which was not found.",
      "  Debian/Ubuntu : sudo apt-get install chromium",
      "  ou/or : CHROMIUM_PATH=/chemin/vers/chromium npm test",
    ].join("\n"),
  );
  process.exit(1);
}

const suites = [];

function runVitest(label, args, env) {
  const out = path.join(tmp, `vitest-${label}.json`);
  fs.rmSync(out, { force: true });
  const r = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    passed = report.numPassedTests;
    failed = report.numFailedTests;
    // A file that failed to load has no failed test of its own: count the file.
    if (failed === 0) failed = report.numFailedTestSuites ?? 0;
  }
  // A crash that wrote no report, or a non-zero exit with nothing failed, still counts as a failure.
  if (r.status !== 0 && failed === 0) failed = 1;
  suites.push({ label, passed, failed });
}

function runPlaywright(chromium) {
  const out = path.join(tmp, "playwright.json");
  fs.rmSync(out, { force: true });
  const r = spawnSync(bin("playwright"), ["test", "--reporter=list,json"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: out, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
  });
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(out)) {
    const { stats } = JSON.parse(fs.readFileSync(out, "utf8"));
    passed = stats.expected + stats.flaky;
    failed = stats.unexpected;
  }
  if (r.status !== 0 && failed === 0) failed = 1;
  suites.push({ label: "browser (Playwright, Chromium)", passed, failed });
}

const chromium = ensureChromium();
buildWebIfStale();
runVitest("pglite", [], { TEST_DB_ENGINE: "pglite" });
if (process.env.TEST_DATABASE_URL) {
  runVitest("postgres", ["tests/integration"], { TEST_DB_ENGINE: "postgres" });
} else {
  console.log("TEST_DATABASE_URL absent : suites d'intégration PostgreSQL non lancées (PGlite seulement).");
}
runPlaywright(chromium);

console.log("");
for (const s of suites) console.log(`  ${s.label}: ${s.passed} passed, ${s.failed} failed`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

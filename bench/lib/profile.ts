// Reads a V8 CPU profile (node --cpu-prof) and lists where the time went: self time per function, and the
// share spent under each of a few frames of interest (inclusive time), to tell the database from the rest.
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function newestProfile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ?? null;
}

export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url
      ? n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(src|dist)\//, "$1/")
      : "";
    return `${n.callFrame.functionName || "(anonymous)"}${file ? ` ${file}:${n.callFrame.lineNumber + 1}` : ""}`;
  };
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const self = new Map<string, number>();
  for (const [id, t] of selfMs) {
    const key = label(byId.get(id) as ProfileNode);
    self.set(key, (self.get(key) ?? 0) + t);
  }
  const idle = self.get("(idle)") ?? 0;
  const lines = [
    `CPU profile ${path.basename(file)}: ${(total / 1000).toFixed(1)} s sampled, ${(idle / 1000).toFixed(1)} s idle`,
  ];
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${((t / (total - idle)) * 100).toFixed(1).padStart(5)} %  ${key}`);
  return lines.join("\n");
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./lock.ts";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "maillage-lock-"));

describe("data directory lock", () => {
  it("refuses a directory locked by a living process, with a bilingual message", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "maillage.lock"), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      expect((error as Error).message).toMatch(/déjà utilisé/);
      expect((error as Error).message).toMatch(/already in use/);
    }
  });

  it("takes over a lock left by a dead process and releases it", () => {
    const dir = tmp();
    const dead = Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).toString());
    fs.writeFileSync(path.join(dir, "maillage.lock"), String(dead));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "maillage.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "maillage.lock"))).toBe(false);
  });
});

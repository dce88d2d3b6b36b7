import { createHash } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { agendaVersion } from "./agenda.queries.ts";

export interface CachedBody {
  body: string;
  etag: string;
  version: number;
  builtAt: Date;
}

/**
 * Answers built from the agenda (month windows, feeds) kept in memory under the consortium's agenda version.
 * The version is raised by database triggers in the transaction of every change, and read *before* the
 * answer is built: an entry is served only while its version is still the current one, so nothing stale
 * survives a change, whichever process or tool made it. Least recently used entries go first.
 */
export class AgendaCache {
  private readonly entries = new Map<string, CachedBody>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 2000) {}

  async get(db: Db, consortiumId: string, key: string, build: () => Promise<string>): Promise<CachedBody> {
    const version = await agendaVersion(db, consortiumId);
    const fullKey = `${consortiumId}:${key}`;
    const entry = this.entries.get(fullKey);
    if (entry && entry.version === version) {
      this.hits++;
      this.entries.delete(fullKey);
      this.entries.set(fullKey, entry);
      return entry;
    }
    this.misses++;
    const body = await build();
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const fresh = { body, etag, version, builtAt: new Date() };
    this.entries.delete(fullKey);
    this.entries.set(fullKey, fresh);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return fresh;
  }

  clear() {
    this.entries.clear();
  }
}

/** One cache per server process, shared by the agenda routes and the feeds. */
export const agendaCache = new AgendaCache();

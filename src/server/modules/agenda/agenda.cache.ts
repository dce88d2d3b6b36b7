import { createHash } from "node:crypto";
import { changesOf } from "../../db/changes.ts";
import type { Db } from "../../db/client.ts";
import { agendaVersion } from "./agenda.queries.ts";

export interface CachedBody {
  /** Kept encoded: re-encoding 200–350 kB of text on every answer cost more than the rest of it. */
  body: Buffer;
  etag: string;
  version: number;
  builtAt: Date;
}

/**
 * Answers built from the agenda (month windows, feeds) kept in memory under the consortium's agenda version.
 * The version is raised by database triggers in the transaction of every change, and read *before* the
 * answer is built: an entry is served only while its version is still the current one, so nothing stale
 * survives a change, whichever process or tool made it (with PGlite the version comes from the change
 * feed, exact there; with PostgreSQL from the database: ADR 0019, ADR 0021). Least recently used entries
 * go first once the bodies outweigh `maxBytes`.
 */
export class AgendaCache {
  private readonly entries = new Map<string, CachedBody>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes = 128 * 1024 * 1024) {}

  async get(db: Db, consortiumId: string, key: string, build: () => Promise<string>): Promise<CachedBody> {
    const read = () => agendaVersion(db, consortiumId);
    const feed = changesOf(db);
    const version = feed ? await feed.agendaVersion(consortiumId, read) : await read();
    const fullKey = `${consortiumId}:${key}`;
    const entry = this.entries.get(fullKey);
    if (entry && entry.version === version) {
      this.hits++;
      this.entries.delete(fullKey);
      this.entries.set(fullKey, entry);
      return entry;
    }
    this.misses++;
    const body = Buffer.from(await build());
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const fresh = { body, etag, version, builtAt: new Date() };
    this.remove(fullKey);
    this.entries.set(fullKey, fresh);
    this.bytes += body.length;
    while (this.bytes > this.maxBytes && this.entries.size > 1) this.remove(this.entries.keys().next().value as string);
    return fresh;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** One cache per server process, shared by the agenda routes and the feeds. */
export const agendaCache = new AgendaCache();

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Db } from "./client.ts";

/**
 * What the server keeps in memory, by what makes it stale: a change to any of a topic's tables forgets
 * every entry of that topic. The tables' triggers are in migration 0006 (ADR 0021).
 */
export type Topic = "sessions" | "access" | "directory";

const TOPICS_OF_TABLE: Record<string, Topic[]> = {
  sessions: ["sessions"],
  users: ["sessions"],
  instance_admins: ["sessions", "access"],
  consortia: ["access", "directory"],
  consortium_accounts: ["access"],
  places: ["directory"],
};

const CHANNEL = "maillage_changes";
const SETTLE_TIMEOUT_MS = 2000;
const RECONNECT_MS = 1000;

/**
 * A bounded map whose entries are forgotten when their topic changes, when they are older than `ttlMs`,
 * or while the change feed is not listening (then every read goes to the loader).
 */
export class Memo<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();
  /** Raised by each forget: a load that started before it must not store what it read. */
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: { maxEntries: number; ttlMs: number },
  ) {}

  async get(key: string, load: () => Promise<T>, expiresAt?: (value: T) => number): Promise<T> {
    await this.feed.settled();
    if (!this.feed.listening) return load();
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at < this.options.ttlMs) return entry.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && this.feed.listening) {
      const at = expiresAt ? Math.min(now, expiresAt(value) - this.options.ttlMs) : now;
      this.entries.delete(key);
      this.entries.set(key, { value, at });
      if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }

  forget() {
    this.generation++;
    this.entries.clear();
  }
}

/**
 * Listens to the database's change notifications and keeps what the server copied from it honest.
 *
 * With PGlite this process is the only writer (the data directory is locked) and a notification reaches us
 * before the commit that sent it returns, so memory is exact: agenda versions are read from it too. A
 * PostgreSQL server may have other writers whose news arrives a moment later: agenda versions are then
 * always read from the database, and `settle()` makes sure that what this process itself changed is known
 * before it answers.
 */
export class ChangeFeed {
  listening = false;
  private readonly memos = new Map<Topic, Set<Memo<unknown>>>();
  private readonly named = new Map<string, Memo<unknown>>();
  private readonly versions = new Map<string, number>();
  private readonly waiting = new Map<string, () => void>();
  private readonly nonce = randomUUID();
  private sequence = 0;
  private unsettled = false;
  private settling: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  private constructor(
    private readonly database: Database,
    /** True when memory can answer the agenda version (PGlite); see the class comment. */
    readonly exactVersions: boolean,
  ) {}

  static async start(database: Database): Promise<ChangeFeed> {
    const feed = new ChangeFeed(database, database.engine === "pglite");
    feeds.set(database.db, feed);
    await feed.connect();
    return feed;
  }

  /** The memo called `name` (made on first use), forgotten whenever one of `topic`'s tables changes. */
  memo<T>(name: string, topic: Topic, options: { maxEntries: number; ttlMs: number }): Memo<T> {
    let memo = this.named.get(name);
    if (!memo) {
      memo = new Memo<unknown>(this, options);
      this.named.set(name, memo);
      const set = this.memos.get(topic) ?? new Set();
      set.add(memo);
      this.memos.set(topic, set);
    }
    return memo as Memo<T>;
  }

  /** The consortium's agenda version: from memory when it is exact, otherwise from `read`. */
  async agendaVersion(consortiumId: string, read: () => Promise<number>): Promise<number> {
    if (!this.exactVersions || !this.listening) return read();
    const known = this.versions.get(consortiumId);
    if (known !== undefined) return known;
    const version = await read();
    // A notification may have come while reading: versions only grow, so keep the larger.
    if (this.listening) this.versions.set(consortiumId, Math.max(version, this.versions.get(consortiumId) ?? 0));
    return version;
  }

  /**
   * Marks that this process may just have changed something (a write request is answering): the next read
   * of a memo first waits for `settle()`. Paid once per burst of writes, by the read that follows them,
   * rather than by every write.
   */
  wrote() {
    if (!this.exactVersions) this.unsettled = true;
  }

  /** Waits, if this process wrote since, until what it wrote has been heard (see `wrote`). */
  async settled(): Promise<void> {
    // A settle already under way may have started before the latest write: wait for it, then go again.
    while (this.unsettled || this.settling) {
      if (!this.settling) {
        this.unsettled = false;
        this.settling = this.settle().finally(() => {
          this.settling = null;
        });
      }
      await this.settling;
    }
  }

  /**
   * Resolves once every change committed before the call has been heard. Notifications arrive in commit
   * order, so hearing our own marker, sent after, is enough. Immediate with PGlite.
   */
  async settle(): Promise<void> {
    if (this.exactVersions || !this.listening) return;
    const marker = `${this.nonce}:${++this.sequence}`;
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), SETTLE_TIMEOUT_MS);
      this.waiting.set(marker, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    await this.database.db.execute(sql`select pg_notify(${CHANNEL}, ${`settle:${marker}`})`);
    if (!(await heard)) {
      this.waiting.delete(marker);
      this.lost();
    }
  }

  async stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.listening = false;
    this.forgetAll();
    await this.stopListening?.();
  }

  private async connect() {
    try {
      this.stopListening = await this.database.listen(
        CHANNEL,
        (payload) => this.receive(payload),
        () => this.lost(),
      );
      if (this.stopped) await this.stopListening();
      else this.listening = true;
    } catch {
      this.lost();
    }
  }

  private receive(payload: string) {
    const [kind, first, second] = payload.split(":");
    if (kind === "agenda") {
      const version = Number(second);
      if (version > (this.versions.get(first) ?? 0)) this.versions.set(first, version);
    } else if (kind === "table") {
      for (const topic of TOPICS_OF_TABLE[first] ?? []) for (const memo of this.memos.get(topic) ?? []) memo.forget();
    } else if (kind === "settle") {
      const marker = payload.slice("settle:".length);
      this.waiting.get(marker)?.();
      this.waiting.delete(marker);
    }
  }

  /** Without the feed nothing in memory can be trusted: forget it, read the database, and reconnect. */
  private lost() {
    this.listening = false;
    this.forgetAll();
    for (const wake of this.waiting.values()) wake();
    this.waiting.clear();
    const stop = this.stopListening;
    this.stopListening = null;
    void stop?.();
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  private forgetAll() {
    this.versions.clear();
    for (const set of this.memos.values()) for (const memo of set) memo.forget();
  }
}

const feeds = new WeakMap<Db, ChangeFeed>();

/** The change feed of the server using `db`, if one was started (services called outside a server have none). */
export function changesOf(db: Db): ChangeFeed | undefined {
  return feeds.get(db);
}

/** `load()` through the memo `name` of `db`'s change feed, or straight when there is none. */
export function remembered<T>(db: Db, name: string, topic: Topic, key: string, load: () => Promise<T>): Promise<T> {
  const feed = feeds.get(db);
  return feed ? feed.memo<T>(name, topic, { maxEntries: 5000, ttlMs: 10 * 60_000 }).get(key, load) : load();
}

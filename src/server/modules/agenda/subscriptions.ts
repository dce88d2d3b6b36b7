import { and, asc, eq, lte, notInArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { SubscriptionDto } from "../../../shared/contracts/agenda.ts";
import type { Db } from "../../db/client.ts";
import { calendarSubscriptions, events, organizations, places } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { notFound } from "../../http/errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { isCoordinator } from "../../policies/actor.ts";
import { agendaImportPolicy, subscriptionPolicy } from "../../policies/agenda-import.ts";
import { abilitiesFor, authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { fetchCalendar, IcsFetchError } from "./ics/fetch.ts";
import { IcsParseError, parseCalendar, refreshHint } from "./ics/parse.ts";
import { applyPlan, clampRefresh, planImport } from "./import.service.ts";

// Subscriptions (domain rules §8.3 rule 3): an .ics address read again every REFRESH-INTERVAL (an hour by
// default), with the ETag of the last answer, and an exponential backoff after failures. Each refresh creates
// and updates the subscription's events, and deletes those that left the source, never any other event.

export type SubscriptionRow = typeof calendarSubscriptions.$inferSelect;

/** After n failures in a row, wait refresh × 2^n, at most a day. */
const MAX_BACKOFF_MINUTES = 24 * 60;
export const backoffMinutes = (refreshMinutes: number, failures: number) =>
  Math.min(MAX_BACKOFF_MINUTES, refreshMinutes * 2 ** Math.min(failures, 10));

export interface RefreshOutcome {
  status: "ok" | "not-modified" | "error";
  created: number;
  updated: number;
  deleted: number;
  error: string | null;
}

/**
 * Reads one subscription again and brings its events in line with the source, in one transaction. Failures are
 * recorded on the subscription (status, French message, failure count, next attempt), never thrown.
 */
export async function refreshSubscription(
  db: Db,
  sub: SubscriptionRow,
  now: Date,
  actorUserId: string | null = null,
): Promise<RefreshOutcome> {
  const where = eq(calendarSubscriptions.id, sub.id);
  try {
    const fetched = await fetchCalendar(sub.url, { etag: sub.etag });
    if (fetched.status === "not-modified") {
      await db
        .update(calendarSubscriptions)
        .set({
          lastFetchedAt: now,
          lastStatus: "ok",
          lastError: null,
          failures: 0,
          nextFetchAt: new Date(now.getTime() + sub.refreshMinutes * 60_000),
        })
        .where(where);
      return { status: "not-modified", created: 0, updated: 0, deleted: 0, error: null };
    }
    const parsed = parseCalendar(fetched.text);
    const refreshMinutes = clampRefresh(refreshHint(fetched.text));
    const rows = await planImport(db, sub.consortiumId, parsed, { subscriptionId: sub.id }, now);
    let latitude: number | null = null;
    let longitude: number | null = null;
    if (sub.placeId) {
      const [place] = await db
        .select({ latitude: places.latitude, longitude: places.longitude })
        .from(places)
        .where(eq(places.id, sub.placeId));
      latitude = place?.latitude ?? null;
      longitude = place?.longitude ?? null;
    }
    const uids = [...new Set(parsed.map((p) => p.uid))];
    return await db.transaction(async (tx) => {
      const { created, updated } = await applyPlan(
        tx,
        sub.consortiumId,
        rows,
        {
          organizerId: sub.organizerId,
          placeId: sub.placeId,
          latitude,
          longitude,
          visibility: sub.visibility,
          subscriptionId: sub.id,
          createdBy: sub.createdBy,
        },
        now,
      );
      // Only this subscription's events leave with the source: nothing typed here or imported otherwise.
      const gone = and(
        eq(events.consortiumId, sub.consortiumId),
        eq(events.subscriptionId, sub.id),
        uids.length > 0 ? notInArray(events.uid, uids) : undefined,
      );
      const deleted = (await tx.delete(events).where(gone).returning({ id: events.id })).length;
      await tx
        .update(calendarSubscriptions)
        .set({
          etag: fetched.etag,
          refreshMinutes,
          lastFetchedAt: now,
          lastStatus: "ok",
          lastError: null,
          failures: 0,
          nextFetchAt: new Date(now.getTime() + refreshMinutes * 60_000),
        })
        .where(where);
      if (created + updated + deleted > 0 || actorUserId) {
        await recordActivity(tx, {
          consortiumId: sub.consortiumId,
          actorUserId,
          action: "agenda.subscription-refresh",
          subjectType: "calendar_subscription",
          subjectId: sub.id,
          summary: `Abonnement ${sub.url} : ${created} ajouté${created > 1 ? "s" : ""}, ${updated} mis à jour, ${deleted} supprimé${deleted > 1 ? "s" : ""}`,
          data: { created, updated, deleted },
        });
      }
      return { status: "ok" as const, created, updated, deleted, error: null };
    });
  } catch (error) {
    const message =
      error instanceof IcsFetchError || error instanceof IcsParseError
        ? error.message
        : "Les événements de ce calendrier n'ont pas pu être enregistrés.";
    const failures = sub.failures + 1;
    await db
      .update(calendarSubscriptions)
      .set({
        lastFetchedAt: now,
        lastStatus: "error",
        lastError: message,
        failures,
        nextFetchAt: new Date(now.getTime() + backoffMinutes(sub.refreshMinutes, failures) * 60_000),
      })
      .where(where);
    return { status: "error", created: 0, updated: 0, deleted: 0, error: message };
  }
}

// ---------------------------------------------------------------- the periodic refresher

/** How long a subscription being refreshed is held, so that a second process does not take it too. */
const CLAIM_MINUTES = 10;

/**
 * Refreshes the subscriptions that are due, oldest first. Each one is claimed by moving its next attempt
 * forward with a conditional update, so two processes on one PostgreSQL database never read it twice.
 */
export async function refreshDue(db: Db, now: Date, options: { limit?: number; stopping?: () => boolean } = {}) {
  const due = await db
    .select()
    .from(calendarSubscriptions)
    .where(lte(calendarSubscriptions.nextFetchAt, now))
    .orderBy(asc(calendarSubscriptions.nextFetchAt))
    .limit(options.limit ?? 20);
  let done = 0;
  for (const sub of due) {
    if (options.stopping?.()) break;
    const [claimed] = await db
      .update(calendarSubscriptions)
      .set({ nextFetchAt: new Date(now.getTime() + CLAIM_MINUTES * 60_000) })
      .where(and(eq(calendarSubscriptions.id, sub.id), eq(calendarSubscriptions.nextFetchAt, sub.nextFetchAt)))
      .returning();
    if (!claimed) continue;
    await refreshSubscription(db, sub, now);
    done++;
  }
  return done;
}

/**
 * Starts the in-process refresher when the server is ready, every minute, and stops it on close after the
 * subscription in progress (so the database is not closed under it). Off in tests, which call refreshDue.
 */
export function registerSubscriptionRefresher(app: FastifyInstance, db: Db, options: { enabled: boolean; everyMs?: number }) {
  if (!options.enabled) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopping = false;
  const tick = () => {
    if (running || stopping) return;
    running = refreshDue(db, new Date(), { stopping: () => stopping })
      .catch((error) => app.log.error({ err: error }, "calendar subscriptions refresh failed"))
      .finally(() => {
        running = null;
      });
  };
  app.addHook("onReady", async () => {
    timer = setInterval(tick, options.everyMs ?? 60_000);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    stopping = true;
    if (timer) clearInterval(timer);
    await running;
  });
}

// ---------------------------------------------------------------- services for the routes

async function loadSubscription(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ sub: calendarSubscriptions, organizerName: organizations.name })
    .from(calendarSubscriptions)
    .innerJoin(organizations, eq(organizations.id, calendarSubscriptions.organizerId))
    .where(and(eq(calendarSubscriptions.consortiumId, ctx.consortium.id), eq(calendarSubscriptions.id, id)));
  if (!row) throw notFound("Abonnement");
  return row;
}

function presentSubscription(actor: Actor, sub: SubscriptionRow, organizerName: string): SubscriptionDto {
  return {
    id: sub.id,
    url: sub.url,
    organizerId: sub.organizerId,
    organizerName,
    placeId: sub.placeId,
    refreshMinutes: sub.refreshMinutes,
    lastFetchedAt: sub.lastFetchedAt?.toISOString() ?? null,
    lastStatus: sub.lastStatus,
    lastError: sub.lastError,
    nextFetchAt: sub.nextFetchAt.toISOString(),
    abilities: abilitiesFor(subscriptionPolicy, actor, { organizerId: sub.organizerId }),
  };
}

/** The consortium's subscriptions for a coordinator; a referent's organisation's ones for a referent. */
export async function listSubscriptions(ctx: Ctx): Promise<SubscriptionDto[]> {
  authorize(agendaImportPolicy.listSubscriptions(ctx.actor));
  const rows = await ctx.db
    .select({ sub: calendarSubscriptions, organizerName: organizations.name })
    .from(calendarSubscriptions)
    .innerJoin(organizations, eq(organizations.id, calendarSubscriptions.organizerId))
    .where(
      and(
        eq(calendarSubscriptions.consortiumId, ctx.consortium.id),
        isCoordinator(ctx.actor) ? undefined : eq(calendarSubscriptions.organizerId, ctx.actor.organizationId ?? ""),
      ),
    )
    .orderBy(asc(organizations.name), asc(calendarSubscriptions.url));
  return rows.map((r) => presentSubscription(ctx.actor, r.sub, r.organizerName));
}

/** Refreshes now, whatever the schedule; the answer carries the outcome (lastStatus, lastError). */
export async function refreshNow(ctx: Ctx, id: string): Promise<SubscriptionDto> {
  const { sub } = await loadSubscription(ctx, id);
  authorize(subscriptionPolicy.refresh(ctx.actor, { organizerId: sub.organizerId }));
  await refreshSubscription(ctx.db, sub, ctx.now, ctx.user.id);
  const after = await loadSubscription(ctx, id);
  return presentSubscription(ctx.actor, after.sub, after.organizerName);
}

/** Stops following the address; its events stay in the agenda, no longer linked to it (foreign key set null). */
export async function deleteSubscription(ctx: Ctx, id: string): Promise<void> {
  const { sub } = await loadSubscription(ctx, id);
  authorize(subscriptionPolicy.delete(ctx.actor, { organizerId: sub.organizerId }));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(calendarSubscriptions).where(eq(calendarSubscriptions.id, sub.id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "agenda.subscription-delete",
      subjectType: "calendar_subscription",
      subjectId: sub.id,
      summary: `${ctx.user.name} arrête l'abonnement ${sub.url}`,
    });
  });
}

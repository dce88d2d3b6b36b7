import type { FastifyInstance } from "fastify";
import { RENEWAL_WINDOW_DAYS, type RemindersDto, type RenewalDto } from "../../../shared/contracts/governance.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import { consortia } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { type PeriodicJobOptions, registerPeriodicJob } from "../../lib/periodic-job.ts";
import { governancePolicy } from "../../policies/governance.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { renewalsOf } from "./bodies.presenter.ts";
import * as q from "./bodies.queries.ts";
import { frDay, ROLE_FR } from "./bodies.service.ts";

// Renewal reminders: the coordination hears of the mandates ending within RENEWAL_WINDOW_DAYS. Each mandate is
// mailed once by itself, on the day it enters the window (the hourly job); the bodies page sends the whole list
// again on demand, once a day for the same list.

/** The mandates due for renewal in a consortium on a day: not renewed, not ended on purpose, body not archived. */
async function renewalsDue(db: Db, consortiumId: string, day: string): Promise<RenewalDto[]> {
  const [rows, list] = await Promise.all([q.listBodies(db, consortiumId), q.mandatesOf(db, consortiumId)]);
  const open = new Map(rows.filter((r) => r.body.archivedAt === null).map((r) => [r.body.id, r.body.name]));
  return renewalsOf(list, open, day);
}

/** Writes the journal line and mails every coordinator the list; the line's data is what later passes compare. */
async function mailRenewals(
  db: Db,
  consortium: { id: string; name: string },
  mailer: Mailer,
  renewals: RenewalDto[],
  day: string,
  by: { id: string; name: string } | null,
): Promise<number> {
  const recipients = await q.coordinatorsOf(db, consortium.id);
  const n = renewals.length;
  const lines = renewals.map(
    (r) =>
      `- ${r.holderName}, ${r.title ?? ROLE_FR[r.role]} (${r.bodyName}) : fin le ${frDay(r.endsOn)}, dans ${r.daysLeft} jour${r.daysLeft > 1 ? "s" : ""}`,
  );
  const text =
    `Bonjour,\n\n${n} mandat${n > 1 ? "s arrivent" : " arrive"} à échéance dans les ` +
    `${RENEWAL_WINDOW_DAYS} jours dans ${consortium.name} :\n\n${lines.join("\n")}\n\n` +
    "Renouvelez-les ou préparez leur remplacement depuis la page Gouvernance.\n";
  await db.transaction(async (tx) => {
    await recordActivity(tx, {
      consortiumId: consortium.id,
      actorUserId: by?.id ?? null,
      action: q.REMINDER_ACTION,
      subjectType: "consortium",
      subjectId: consortium.id,
      summary: `${by ? by.name : "Maillage"} envoie à la coordination le rappel de ${n} mandat(s) à renouveler`,
      data: { day, mandateIds: renewals.map((r) => r.mandateId).sort(), automatic: by === null },
    });
  });
  for (const r of recipients) await mailer.send({ to: r.email, subject: `Maillage : ${n} mandat(s) à renouveler`, text });
  return recipients.length;
}

/**
 * Mails the coordination the mandates due for renewal within the window. Sending the same list again on the
 * same day does nothing: a double click, or two coordinators at once, do not flood the inbox.
 */
export async function sendRenewalReminders(ctx: Ctx, mailer: Mailer): Promise<RemindersDto> {
  authorize(governancePolicy.sendReminders(ctx.actor, null));
  const day = parisDay(ctx.now);
  const renewals = await renewalsDue(ctx.db, ctx.consortium.id, day);
  if (renewals.length === 0) return { renewals: 0, sent: 0, alreadySent: false };
  const ids = renewals.map((r) => r.mandateId).sort();
  const last = await q.lastReminder(ctx.db, ctx.consortium.id);
  const lastData = (last?.data ?? {}) as { day?: string; mandateIds?: string[]; automatic?: boolean };
  // Only a coordinator's own send counts as a double click: the job's mail does not stop an explicit one.
  if (last && !lastData.automatic && lastData.day === day && JSON.stringify(lastData.mandateIds ?? []) === JSON.stringify(ids))
    return { renewals: renewals.length, sent: 0, alreadySent: true };
  const sent = await mailRenewals(ctx.db, ctx.consortium, mailer, renewals, day, { id: ctx.user.id, name: ctx.user.name });
  return { renewals: renewals.length, sent, alreadySent: false };
}

/**
 * The job's pass: for each consortium, the mandates that entered the window and were never mailed (by the job or a
 * coordinator) go out in one message. Returns how many mandates it reminded.
 */
export async function remindNewRenewals(db: Db, mailer: Mailer, now: Date, stopping: () => boolean = () => false) {
  const day = parisDay(now);
  let reminded = 0;
  for (const consortium of await db.select({ id: consortia.id, name: consortia.name }).from(consortia)) {
    if (stopping()) break;
    const renewals = await renewalsDue(db, consortium.id, day);
    if (renewals.length === 0) continue;
    const already = await q.remindedMandates(db, consortium.id);
    const fresh = renewals.filter((r) => !already.has(r.mandateId));
    if (fresh.length === 0) continue;
    await mailRenewals(db, consortium, mailer, fresh, day, null);
    reminded += fresh.length;
  }
  return reminded;
}

/** Checks every hour, and once at start, for mandates entering the renewal window (lib/periodic-job.ts). */
export function registerRenewalReminders(app: FastifyInstance, db: Db, mailer: Mailer, options: PeriodicJobOptions) {
  registerPeriodicJob(app, "renewal reminders", (now, stopping) => remindNewRenewals(db, mailer, now, stopping), options);
}

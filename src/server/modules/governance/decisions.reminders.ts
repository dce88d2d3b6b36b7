import type { FastifyInstance } from "fastify";
import type { ReviewRemindersDto } from "../../../shared/contracts/decisions.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import type { Db } from "../../db/client.ts";
import type { Ctx } from "../../http/auth.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { type PeriodicJobOptions, registerPeriodicJob } from "../../lib/periodic-job.ts";
import { decisionRegisterPolicy } from "../../policies/decisions.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { coordinatorsOf } from "./bodies.queries.ts";
import * as q from "./decisions.queries.ts";
import { frDay } from "./decisions.service.ts";

// Review reminders of the decision register: when a decision's review date comes (Paris day), it becomes "to
// review" and the coordination gets one message listing every decision that came due. Each review date is
// reminded once: the decision keeps the day it was reminded, and a new review date waits for its own reminder.

export const REVIEW_REMINDER_ACTION = "decision.review_reminders";

/**
 * Reminds the coordination of one consortium of the reviews that came due. Running it again the same day (a
 * second click, the hourly job after a coordinator) finds nothing new and sends nothing.
 */
export async function remindDueReviews(
  db: Db,
  consortium: { id: string; name: string },
  mailer: Mailer,
  now: Date,
  by: { id: string; name: string } | null = null,
): Promise<ReviewRemindersDto> {
  const day = parisDay(now);
  const due = await q.dueForReview(db, consortium.id, day);
  const waiting = due.filter((d) => !d.reminded);
  const alreadyReminded = due.length - waiting.length;
  if (waiting.length === 0) return { reminded: 0, recipients: 0, alreadyReminded };

  const claimed = await db.transaction(async (tx) => {
    const ids = new Set(
      (
        await q.claimReminders(
          tx,
          consortium.id,
          waiting.map((d) => d.id),
          day,
        )
      ).map((r) => r.id),
    );
    const list = waiting.filter((d) => ids.has(d.id));
    if (list.length === 0) return list;
    for (const d of list.filter((x) => x.status === "in_force"))
      await recordActivity(tx, {
        consortiumId: consortium.id,
        actorUserId: by?.id ?? null,
        action: "decision.update",
        subjectType: "decision",
        subjectId: d.id,
        summary: `La décision « ${d.title} » passe à revoir : sa date de révision (${frDay(d.reviewOn ?? day)}) est arrivée`,
        data: { status: "to_review" },
      });
    await recordActivity(tx, {
      consortiumId: consortium.id,
      actorUserId: by?.id ?? null,
      action: REVIEW_REMINDER_ACTION,
      subjectType: "consortium",
      subjectId: consortium.id,
      summary: `${by ? by.name : "Maillage"} rappelle à la coordination ${list.length} décision(s) à revoir`,
      data: { day, decisionIds: list.map((d) => d.id) },
    });
    return list;
  });
  if (claimed.length === 0) return { reminded: 0, recipients: 0, alreadyReminded: due.length };

  const recipients = await coordinatorsOf(db, consortium.id);
  const n = claimed.length;
  const lines = claimed.map((d) => `- « ${d.title} » : révision prévue le ${frDay(d.reviewOn ?? day)}`);
  const text =
    `Bonjour,\n\n${n} décision${n > 1 ? "s" : ""} du registre de ${consortium.name} ` +
    `${n > 1 ? "arrivent" : "arrive"} à sa date de révision :\n\n${lines.join("\n")}\n\n` +
    "Relisez-les depuis le registre des décisions (Gouvernance > Décisions) : " +
    "maintenez-les avec une nouvelle date, abrogez-les ou indiquez la décision qui les remplace.\n";
  for (const r of recipients) await mailer.send({ to: r.email, subject: `Maillage : ${n} décision(s) à revoir`, text });
  return { reminded: n, recipients: recipients.length, alreadyReminded: due.length - n };
}

/** The coordination asks for the reminder now, from the register. */
export async function sendReviewReminders(ctx: Ctx, mailer: Mailer): Promise<ReviewRemindersDto> {
  authorize(decisionRegisterPolicy.sendReminders(ctx.actor, null));
  return remindDueReviews(ctx.db, ctx.consortium, mailer, ctx.now, { id: ctx.user.id, name: ctx.user.name });
}

/** The job's pass over every consortium; returns how many decisions it reminded. */
export async function remindAllDueReviews(db: Db, mailer: Mailer, now: Date, stopping: () => boolean = () => false) {
  let reminded = 0;
  for (const consortium of await q.consortiaWithReviewsToRemind(db, parisDay(now))) {
    if (stopping()) break;
    reminded += (await remindDueReviews(db, consortium, mailer, now)).reminded;
  }
  return reminded;
}

/** Checks every hour, and once at start, whether reviews came due (lib/periodic-job.ts). */
export function registerReviewReminders(app: FastifyInstance, db: Db, mailer: Mailer, options: PeriodicJobOptions) {
  registerPeriodicJob(
    app,
    "decision review reminders",
    (now, stopping) => remindAllDueReviews(db, mailer, now, stopping),
    options,
  );
}

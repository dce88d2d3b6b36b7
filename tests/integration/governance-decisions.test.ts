import { and, eq } from "drizzle-orm";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, decisions, outboxMessages } from "../../src/server/db/schema/index.ts";
import type { Mail } from "../../src/server/lib/mailer.ts";
import { createMailer } from "../../src/server/lib/mailer.ts";
import { registerReviewReminders, remindAllDueReviews } from "../../src/server/modules/governance/decisions.reminders.ts";
import { addDays } from "../../src/shared/agenda/time.ts";
import type { DecisionDetailDto, DecisionListDto, ReviewRemindersDto } from "../../src/shared/contracts/decisions.ts";
import { parisDay } from "../../src/shared/lib/dates.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
const today = parisDay(new Date());
const base = (w: World) => `/api/consortia/${w.consortium.slug}/governance/decisions`;
const coordinator = () => as(t.app, w.users.coordinator);

/** Adopted decisions are written by proposals; here they are inserted as the register holds them. */
async function decision(over: Partial<typeof decisions.$inferInsert> = {}, consortiumId = w.consortium.id) {
  const [row] = await t.db
    .insert(decisions)
    .values({
      consortiumId,
      title: "Charte des lieux",
      text: "Adopter la charte commune des lieux du réseau.",
      method: "Vote à la majorité",
      resultSummary: "adoptée : 12 pour, 3 contre",
      decidedOn: "2026-01-15",
      ...over,
    })
    .returning();
  return row;
}

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const patch = (id: string, body: unknown) => coordinator()("PATCH", `${base(w)}/${id}`, body);
const detail = async (id: string) => ok<DecisionDetailDto>(await coordinator()("GET", `${base(w)}/${id}`));
const actionsOf = async (id: string) =>
  (await t.db.select().from(activities).where(eq(activities.subjectId, id))).map((a) => a.action);
const reminderMails = async () =>
  (await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, w.users.coordinator.email))).filter((m) =>
    m.subject.includes("à revoir"),
  );

let otherDecisionId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  otherDecisionId = (await decision({ title: "Décision voisine" }, w.other.consortium.id)).id;
});
afterAll(() => t.close());

describe("decision routes", () => {
  const ctx = { t: () => t, w: () => w };
  const ids: Record<string, string> = {};
  const other = (w: World) => `${base(w)}/${otherDecisionId}`;
  const badId = (w: World) => `${base(w)}/pas-un-identifiant`;

  beforeAll(async () => {
    ids.read = (await decision({ title: "Budget participatif", reviewOn: "2020-01-01" })).id;
    ids.edit = (await decision({ title: "Règlement intérieur" })).id;
    ids.successor = (await decision({ title: "Règlement intérieur révisé", decidedOn: "2026-06-01" })).id;
    await t.db.update(decisions).set({ replacedBy: ids.successor, status: "replaced" }).where(eq(decisions.id, ids.read));
  });

  describeRoute("decisions (list)", ctx, {
    method: "GET",
    path: (w) => base(w),
    invalid: { path: (w) => `${base(w)}?status=perdue`, field: "status" },
    allowedAs: "member",
    status: 200,
    check: (b) => {
      const body = b as DecisionListDto;
      expect(body.items.map((d) => d.title)).not.toContain("Décision voisine");
      const read = body.items.find((d) => d.id === ids.read);
      expect(read?.replacedBy).toEqual({ id: ids.successor, title: "Règlement intérieur révisé", proposalId: null });
      // Replaced: its old review date no longer makes it due.
      expect(read?.reviewDue).toBe(false);
      expect(read?.abilities.edit).toBe(false);
      expect(body.abilities.sendReminders).toBe(false);
    },
  });
  describeRoute("decisions/:id", ctx, {
    method: "GET",
    path: (w) => `${base(w)}/${ids.successor}`,
    otherConsortiumPath: other,
    invalid: { path: badId, field: "id" },
    allowedAs: "member",
    status: 200,
    check: (b) => {
      const body = b as DecisionDetailDto;
      expect(body.replaces).toEqual([{ id: ids.read, title: "Budget participatif", proposalId: null }]);
      expect(body.replacedBy).toBeNull();
    },
  });
  describeRoute("decisions/:id (update)", ctx, {
    method: "PATCH",
    path: (w) => `${base(w)}/${ids.edit}`,
    otherConsortiumPath: other,
    body: () => ({ reviewOn: "2031-03-01" }),
    invalid: { body: () => ({ reviewOn: "1er mars" }), field: "reviewOn" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (b) => {
      const body = b as DecisionDetailDto;
      expect(body.reviewOn).toBe("2031-03-01");
      expect(body.reviewDue).toBe(false);
      expect(body.abilities.edit).toBe(true);
    },
  });
  describeRoute("decisions/review-reminders", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/review-reminders`,
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
});

describe("decision rules", () => {
  it("refuses invalid changes with French messages on the fields", async () => {
    const d = await decision({ title: "Horaires communs" });
    const nothing = await patch(d.id, {});
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().fields.status).toBe("Rien à changer");
    const replaced = await patch(d.id, { status: "repealed", replacedBy: d.id });
    expect(replaced.statusCode).toBe(422);
    expect(replaced.json().fields.status).toMatch(/^Une décision remplacée n'a pas d'autre état/);
    const direct = await patch(d.id, { status: "replaced" });
    expect(direct.statusCode).toBe(422);
    expect(direct.json().fields.status).toBe("Choisissez un état de la liste");
    const self = await patch(d.id, { replacedBy: d.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().fields.replacedBy).toBe("Une décision ne peut pas se remplacer elle-même");
    const elsewhere = await patch(d.id, { replacedBy: otherDecisionId });
    expect(elsewhere.statusCode).toBe(404);
    expect(Object.keys(elsewhere.json().fields)).toEqual(["replacedBy"]);
    const english = await t.app.inject({
      method: "PATCH",
      url: `${base(w)}/${d.id}`,
      payload: {},
      headers: { cookie: w.users.coordinator.cookie, "accept-language": "en" },
    });
    expect(english.json().fields.status).toBe("Nothing to change");
  });

  it("replaces, refuses a loop, and puts a decision back in force when its replacement is cleared", async () => {
    const a = await decision({ title: "Tarifs 2026" });
    const b = await decision({ title: "Tarifs 2027" });
    const c = await decision({ title: "Tarifs 2028" });
    expect((await ok<DecisionDetailDto>(await patch(a.id, { replacedBy: b.id }))).status).toBe("replaced");
    await ok(await patch(b.id, { replacedBy: c.id }));
    // c → a would close the circle a → b → c → a.
    const loop = await patch(c.id, { replacedBy: a.id });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().fields.replacedBy).toMatch(/elle-même remplacée/);
    expect((await detail(b.id)).replaces.map((r) => r.title)).toEqual(["Tarifs 2026"]);
    const listed = await ok<DecisionListDto>(await coordinator()("GET", `${base(w)}?q=tarifs&pageSize=100`));
    expect(listed.items.find((d) => d.id === a.id)?.replacedBy?.title).toBe("Tarifs 2027");

    const cleared = await ok<DecisionDetailDto>(await patch(a.id, { replacedBy: null }));
    expect(cleared.status).toBe("in_force");
    expect(cleared.replacedBy).toBeNull();
    // A status alone also ends the replacement.
    const repealed = await ok<DecisionDetailDto>(await patch(b.id, { status: "repealed" }));
    expect(repealed.status).toBe("repealed");
    expect(repealed.replacedBy).toBeNull();
    expect(await actionsOf(a.id)).toEqual(["decision.update", "decision.update"]);
    const [last] = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.subjectId, b.id), eq(activities.action, "decision.update")))
      .orderBy(activities.createdAt);
    expect(last.summary).toContain("remplacée par « Tarifs 2028 »");
    // Clearing a replacement that is not there leaves the status alone.
    await ok(await patch(c.id, { status: "to_review" }));
    expect((await ok<DecisionDetailDto>(await patch(c.id, { replacedBy: null }))).status).toBe("to_review");
    // The same value again changes nothing and records nothing.
    await ok(await patch(b.id, { status: "repealed" }));
    expect(await actionsOf(b.id)).toHaveLength(2);
  });

  it("reminds the coordination once per review date and marks the decisions to review", async () => {
    const due = await decision({ title: "Convention d'occupation", reviewOn: addDays(today, -3) });
    const dueToday = await decision({ title: "Politique tarifaire", reviewOn: today, status: "to_review" });
    const later = await decision({ title: "Plan de formation", reviewOn: addDays(today, 30) });
    const repealed = await decision({ title: "Ancienne charte", reviewOn: addDays(today, -10), status: "repealed" });
    const before = (await reminderMails()).length;
    const list = await ok<DecisionListDto>(await coordinator()("GET", `${base(w)}?pageSize=100`));
    expect(list.items.find((d) => d.id === due.id)?.reviewDue).toBe(true);
    expect(list.items.find((d) => d.id === later.id)?.reviewDue).toBe(false);
    expect(list.items.find((d) => d.id === repealed.id)?.reviewDue).toBe(false);
    expect(list.reviewsDue).toBeGreaterThanOrEqual(2);
    expect(list.abilities.sendReminders).toBe(true);

    const sent = await ok<ReviewRemindersDto>(await coordinator()("POST", `${base(w)}/review-reminders`));
    expect(sent.recipients).toBe(1);
    expect(sent.reminded).toBeGreaterThanOrEqual(2);
    const mails = await reminderMails();
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)?.text).toContain("« Convention d'occupation »");
    expect(mails.at(-1)?.text).toContain("« Politique tarifaire »");
    expect(mails.at(-1)?.text).not.toContain("Plan de formation");
    expect(mails.at(-1)?.text).not.toContain("Ancienne charte");
    expect((await detail(due.id)).status).toBe("to_review");
    expect((await detail(later.id)).status).toBe("in_force");
    expect((await detail(dueToday.id)).status).toBe("to_review");
    expect(await actionsOf(due.id)).toEqual(["decision.update"]);

    // The same day again: nothing new, nothing sent.
    const again = await ok<ReviewRemindersDto>(await coordinator()("POST", `${base(w)}/review-reminders`));
    expect(again).toEqual({ reminded: 0, recipients: 0, alreadyReminded: sent.reminded });
    expect(await reminderMails()).toHaveLength(before + 1);

    // A new review date waits for its own reminder, even one already past.
    await ok(await patch(due.id, { reviewOn: addDays(today, -1), status: "in_force" }));
    const renewed = await ok<ReviewRemindersDto>(await coordinator()("POST", `${base(w)}/review-reminders`));
    expect(renewed.reminded).toBe(1);
    expect((await reminderMails()).at(-1)?.text).toContain("« Convention d'occupation »");
    expect((await detail(due.id)).status).toBe("to_review");
  });

  it("the automatic job reminds every consortium whose reviews came due, once", async () => {
    const mailer = createMailer(t.db, { from: "maillage@exemple.fr" });
    // Clear what earlier tests left due, so the count below is this test's alone.
    await t.db.update(decisions).set({ reviewReminderSentOn: "2100-01-01" });
    const now = new Date("2040-05-10T08:00:00Z");
    const mine = await decision({ title: "Mutualisation du matériel", reviewOn: "2040-05-10" });
    await decision({ title: "Pas encore", reviewOn: "2040-05-11" });
    const theirs = await decision({ title: "Règle voisine", reviewOn: "2040-05-01" }, w.other.consortium.id);
    const before = (await reminderMails()).length;
    // Late evening in Paris is already the next day: the Paris day decides.
    expect(await remindAllDueReviews(t.db, mailer, new Date("2040-05-09T22:30:00Z"))).toBe(2);
    expect(await remindAllDueReviews(t.db, mailer, now)).toBe(0);
    expect(await reminderMails()).toHaveLength(before + 1);
    const [m] = await t.db.select().from(decisions).where(eq(decisions.id, mine.id));
    expect(m).toMatchObject({ status: "to_review", reviewReminderSentOn: "2040-05-10" });
    const [o] = await t.db.select().from(decisions).where(eq(decisions.id, theirs.id));
    expect(o.status).toBe("to_review");
    const journal = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.consortiumId, w.consortium.id), eq(activities.action, "decision.review_reminders")));
    expect(journal.at(-1)?.actorUserId).toBeNull();
    expect(await remindAllDueReviews(t.db, mailer, new Date("2040-05-11T09:00:00Z"))).toBe(1);
  });

  it("the job ticks on its own at the clock it is given, and stops when the server closes", async () => {
    await t.db.update(decisions).set({ reviewReminderSentOn: "2100-01-01" });
    const d = await decision({ title: "Accueil des résidences", reviewOn: "2045-02-01" });
    const sent: Mail[] = [];
    const mailer = { send: async (mail: Mail) => void sent.push(mail) };
    let clock = new Date("2045-01-31T12:00:00Z");
    const app = Fastify({ logger: false });
    registerReviewReminders(app, t.db, mailer, { enabled: true, everyMs: 40, now: () => clock });
    await app.ready();
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(sent).toEqual([]);
      clock = new Date("2045-02-01T07:00:00Z");
      for (let i = 0; i < 100 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 40));
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      await app.close();
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: w.users.coordinator.email, subject: "Maillage : 1 décision(s) à revoir" });
    expect(sent[0].text).toContain("« Accueil des résidences » : révision prévue le 01/02/2045");
    // Closed: a new review date coming due is left for the next start.
    await t.db.update(decisions).set({ reviewOn: "2045-02-01", reviewReminderSentOn: null }).where(eq(decisions.id, d.id));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sent).toHaveLength(1);
  });
});

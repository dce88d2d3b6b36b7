import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, outboxMessages, rotationTurns } from "../../src/server/db/schema/index.ts";
import { buildOrganization, buildPlace, buildSpace } from "../../src/server/seed/factories.ts";
import { instantToParisWall } from "../../src/shared/agenda/time.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
/** A third member place, so that three hosts take turns. */
let memberC: { id: string };
let placeC: { id: string };
let spaceC: { id: string };
let spaceB: { id: string };
/** A rotation of the world's consortium, generated, and one of the other consortium. */
let rotationId: string;
let otherRotationId: string;

const r = (w: World) => `/api/consortia/${w.consortium.slug}/rotations`;

/** "Petit-déjeuner du réseau": the 2nd Thursday of each month in 2031, 8:30–10:00. */
const body = (w: World, over: Record<string, unknown> = {}) => ({
  name: "Petit-déjeuner du réseau",
  start: "2031-01-09T08:30",
  end: "2031-01-09T10:00",
  recurrence: { frequency: "monthly_weekday", count: 12 },
  hosts: [
    { organizationId: w.memberA.id, placeId: w.placeA.id, spaceId: w.spaceA.id },
    { organizationId: w.memberB.id, placeId: w.placeB.id },
    { organizationId: memberC.id, placeId: placeC.id, spaceId: spaceC.id },
  ],
  ...over,
});

type Rotation = {
  id: string;
  fields: { start: string };
  turns: Array<{ id: string; date: string; organizationId: string; eventId: string | null; pinned: boolean; reasons: unknown[] }>;
  fairness: Array<{ organizationId: string; turns: number; target: number; deviation: number }>;
  swaps: Array<{ id: string; status: string; abilities: Record<string, boolean> }>;
  ineligible: Array<{ organizationId: string; reason: string }>;
};

const coordinator = () => as(t.app, w.users.coordinator);
/** Each rotation of a test meets at its own hour: two rotations in one room at once would clash (409). */
let hour = 11;
async function created(over: Record<string, unknown> = {}): Promise<Rotation> {
  const h = String(hour++).padStart(2, "0");
  const res = await coordinator()("POST", r(w), body(w, { start: `2031-01-09T${h}:00`, end: `2031-01-09T${h}:50`, ...over }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function generated(id: string, from = "2031-01-01"): Promise<Rotation> {
  const res = await coordinator()("POST", `${r(w)}/${id}/generate`, { from });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const count = (list: Rotation["turns"], orgId: string) => list.filter((x) => x.organizationId === orgId).length;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  memberC = await buildOrganization(t.db, { consortiumId: w.consortium.id, name: "La Cordée" });
  placeC = await buildPlace(t.db, { consortiumId: w.consortium.id, organizationId: memberC.id, name: "Coworking de la Cordée" });
  spaceB = await buildSpace(t.db, { consortiumId: w.consortium.id, placeId: w.placeB.id, name: "Salle du haut", capacity: 50 });
  spaceC = await buildSpace(t.db, { consortiumId: w.consortium.id, placeId: placeC.id, name: "Grande salle", capacity: 40 });
  // The rotation the route matrix works on keeps the 8:30 of body(), which its update sends again.
  const base = await coordinator()("POST", r(w), body(w));
  rotationId = (await generated(base.json().id)).id;
  const secondOther = await buildOrganization(t.db, { consortiumId: w.other.consortium.id, name: "Fablab voisin" });
  const secondOtherPlace = await buildPlace(t.db, { consortiumId: w.other.consortium.id, organizationId: secondOther.id });
  const other = await as(t.app, w.users.outsider)("POST", `/api/consortia/${w.other.consortium.slug}/rotations`, {
    ...body(w),
    hosts: [
      { organizationId: w.other.member.id, placeId: w.other.place.id },
      { organizationId: secondOther.id, placeId: secondOtherPlace.id },
    ],
  });
  expect(other.statusCode, other.body).toBe(201);
  otherRotationId = other.json().id;
});
afterAll(() => t.close());

describe("rotation routes", () => {
  const ctx = { t: () => t, w: () => w };
  describeRoute("rotations (list)", ctx, {
    method: "GET",
    path: (w) => r(w),
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as { items: unknown[] }).items.length).toBeGreaterThan(0),
  });
  describeRoute("rotations (create)", ctx, {
    method: "POST",
    path: (w) => r(w),
    body: (w) => body(w, { name: "Autre rotation" }),
    invalid: { body: (w) => body(w, { hosts: [body(w).hosts[0]] }), field: "hosts" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
  });
  describeRoute("rotations/:id", ctx, {
    method: "GET",
    path: (w) => `${r(w)}/${rotationId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}`,
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as Rotation).turns).toHaveLength(12),
  });
  describeRoute("rotations/:id (update)", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${rotationId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}`,
    body: (w) => body(w, { minGapDays: 20 }),
    invalid: { body: (w) => body(w, { minGapDays: 400 }), field: "minGapDays" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("rotations/:id/generate", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${rotationId}/generate`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}/generate`,
    body: () => ({ from: "2031-01-01" }),
    invalid: { body: () => ({ from: "demain" }), field: "from" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("rotations/:id/turns/:turnId/withdraw", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${rotationId}/turns/${lastTurnOf(w.memberA.id)}/withdraw`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}/turns/${lastTurnOf(w.memberA.id)}/withdraw`,
    body: () => ({ reason: "Travaux dans la salle" }),
    invalid: { body: () => ({ reason: "" }), field: "reason" },
    forbiddenAs: "member",
    allowedAs: "referentA",
    status: 200,
  });
  describeRoute("rotations/:id (delete)", ctx, {
    method: "DELETE",
    path: () => `${r(w)}/${deletable}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}`,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
});

/** Turn ids of the generated rotation, read fresh (the matrix runs after beforeAll). */
let turnsSnapshot: Rotation["turns"] = [];
let deletable = "";
const lastTurnOf = (orgId: string) => turnsSnapshot.filter((x) => x.organizationId === orgId).at(-1)?.id ?? "";
beforeAll(async () => {
  turnsSnapshot = (await coordinator()("GET", `${r(w)}/${rotationId}`)).json().turns;
  deletable = (await created({ name: "À supprimer" })).id;
});

describe("generating a schedule", () => {
  it("gives every date a host, evenly, and makes each turn a meeting at the host's place", async () => {
    const rot = await generated((await created({ name: "Équitable" })).id);
    expect(rot.turns).toHaveLength(12);
    for (const host of [w.memberA.id, w.memberB.id, memberC.id]) expect(count(rot.turns, host)).toBe(4);
    for (const f of rot.fairness) expect(Math.abs(f.deviation)).toBeLessThanOrEqual(1);
    expect(rot.turns.every((x) => x.reasons.length > 0)).toBe(true);
    const first = rot.turns[0];
    expect(first.date).toBe("2031-01-09");
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, first.eventId as string));
    expect(event.title).toBe("Équitable");
    const hostPlace = { [w.memberA.id]: w.placeA.id, [w.memberB.id]: w.placeB.id, [memberC.id]: placeC.id }[first.organizationId];
    expect(event.placeId).toBe(hostPlace);
    // The meeting is at the rotation's wall-clock time in Paris (UTC+1 in January).
    expect(instantToParisWall(event.startsAt)).toBe(rot.fields.start);
    expect(event.startsAt.getUTCHours()).toBe(Number(rot.fields.start.slice(11, 13)) - 1);
  });

  it("counts past turns: a host that hosted more before hosts less now", async () => {
    const hosts = body(w).hosts.map((h) => (h.organizationId === w.memberA.id ? { ...h, pastTurns: 3 } : h));
    const rot = await generated((await created({ name: "Avec passé", hosts })).id);
    // 15 turns in all, 5 each: La Fabrique already held 3 of its 5.
    expect(count(rot.turns, w.memberA.id)).toBe(2);
    expect(count(rot.turns, w.memberB.id)).toBe(5);
    expect(count(rot.turns, memberC.id)).toBe(5);
  });

  it("follows the weights when asked", async () => {
    const hosts = body(w).hosts.map((h) => ({ ...h, weight: h.organizationId === memberC.id ? 2 : 1 }));
    const rot = await generated((await created({ name: "Pondérée", hosts, weighting: "weighted" })).id);
    expect(count(rot.turns, memberC.id)).toBe(6);
  });

  it("never gives a date to a host that is closed, nor to a room too small", async () => {
    const rot = await generated(
      (
        await created({
          name: "Contraintes",
          hosts: body(w).hosts.map((h) => (h.organizationId === w.memberB.id ? { ...h, spaceId: spaceB.id } : h)),
          minCapacity: 30,
          unavailable: [{ organizationId: w.memberB.id, from: "2031-07-01", to: "2031-08-31", label: "fermeture estivale" }],
        })
      ).id,
    );
    // The Salle des machines holds 20: La Fabrique is left out, with its reason shown.
    expect(rot.ineligible.map((x) => x.organizationId)).toEqual([w.memberA.id]);
    expect(rot.ineligible[0].reason).toMatch(/20 places/);
    expect(count(rot.turns, w.memberA.id)).toBe(0);
    // Left out of the shares too: the two others split the twelve dates.
    expect(rot.fairness.find((f) => f.organizationId === w.memberA.id)?.target).toBe(0);
    expect(rot.fairness.find((f) => f.organizationId === memberC.id)?.target).toBe(6);
    const summer = rot.turns.filter((x) => x.date >= "2031-07-01" && x.date <= "2031-08-31");
    expect(summer.every((x) => x.organizationId !== w.memberB.id)).toBe(true);
  });

  it("reports impossible constraints in French, naming what blocks, and writes nothing", async () => {
    const rot = await created({
      name: "Impossible",
      hosts: body(w).hosts.slice(0, 2),
      unavailable: [
        { organizationId: w.memberA.id, from: "2031-03-01", to: "2031-03-31", label: "travaux" },
        { organizationId: w.memberB.id, from: "2031-03-10", to: "2031-03-20", label: "fermeture" },
      ],
    });
    const res = await coordinator()("POST", `${r(w)}/${rot.id}/generate`, { from: "2031-01-01" });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/13 mars 2031/);
    expect(res.json().message).toMatch(/travaux/);
    expect(await t.db.select().from(rotationTurns).where(eq(rotationTurns.rotationId, rot.id))).toHaveLength(0);
  });

  it("tells the host referents their dates", async () => {
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, w.users.referentA.email));
    expect(mails.some((m) => m.text.includes("Petit-déjeuner du réseau") && /2031/.test(m.text))).toBe(true);
  });

  it("keeps pinned turns and unchanged meetings when generated again", async () => {
    const rot = await generated((await created({ name: "Regénérée" })).id);
    const target = rot.turns[5];
    const to = [w.memberA.id, w.memberB.id, memberC.id].find((id) => id !== target.organizationId) as string;
    const pinned = await coordinator()("POST", `${r(w)}/${rot.id}/turns/${target.id}/pin`, { organizationId: to });
    expect(pinned.statusCode, pinned.body).toBe(200);
    const again = await generated(rot.id);
    const kept = again.turns.find((x) => x.id === target.id);
    expect(kept?.organizationId).toBe(to);
    expect(kept?.pinned).toBe(true);
    const unchanged = again.turns.filter((x) => rot.turns.find((y) => y.id === x.id)?.organizationId === x.organizationId);
    for (const x of unchanged) if (x.id !== target.id) expect(x.eventId).toBe(rot.turns.find((y) => y.id === x.id)?.eventId);
  });
});

describe("living with the schedule", () => {
  it("reassigns a withdrawn turn without moving any other", async () => {
    const rot = await generated((await created({ name: "Désistement" })).id);
    const mine = rot.turns.filter((x) => x.organizationId === w.memberA.id).at(-1);
    if (!mine) throw new Error("no turn for memberA");
    const res = await as(t.app, w.users.referentA)("POST", `${r(w)}/${rot.id}/turns/${mine.id}/withdraw`, {
      reason: "Assemblée générale ce jour-là",
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: Rotation = res.json();
    for (const x of after.turns) {
      const before = rot.turns.find((y) => y.id === x.id);
      if (x.id === mine.id) expect(x.organizationId).not.toBe(w.memberA.id);
      else expect(x.organizationId).toBe(before?.organizationId);
    }
    const [gone] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, mine.eventId as string));
    expect(gone).toBeUndefined();
  });

  it("exchanges two turns once the other host accepts, and not before", async () => {
    const rot = await generated((await created({ name: "Échange" })).id);
    const mine = rot.turns.find((x) => x.organizationId === w.memberA.id);
    const theirs = rot.turns.find((x) => x.organizationId === w.memberB.id);
    if (!mine || !theirs) throw new Error("missing turns");
    const asked = await as(t.app, w.users.referentA)("POST", `${r(w)}/${rot.id}/swaps`, {
      turnId: mine.id,
      withTurnId: theirs.id,
      message: "Notre salle est prise ce jour-là",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const swap = (asked.json() as Rotation).swaps[0];
    expect(swap.status).toBe("pending");
    // Only the other host (or a coordinator) answers.
    expect(
      (await as(t.app, w.users.referentA)("POST", `${r(w)}/${rot.id}/swaps/${swap.id}/answer`, { accept: true })).statusCode,
    ).toBe(403);
    const again = await as(t.app, w.users.referentA)("POST", `${r(w)}/${rot.id}/swaps`, {
      turnId: mine.id,
      withTurnId: theirs.id,
    });
    expect(again.statusCode).toBe(409);
    const answered = await coordinator()("POST", `${r(w)}/${rot.id}/swaps/${swap.id}/answer`, { accept: true });
    expect(answered.statusCode, answered.body).toBe(200);
    const after: Rotation = answered.json();
    expect(after.turns.find((x) => x.id === mine.id)?.organizationId).toBe(w.memberB.id);
    expect(after.turns.find((x) => x.id === theirs.id)?.organizationId).toBe(w.memberA.id);
    expect(after.swaps[0].status).toBe("accepted");
    const moved = after.turns.find((x) => x.id === mine.id);
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, moved?.eventId as string));
    expect(event.placeId).toBe(w.placeB.id);
  });

  it("keeps both turns when the swap is refused", async () => {
    const rot = await generated((await created({ name: "Refus" })).id);
    const mine = rot.turns.find((x) => x.organizationId === w.memberA.id);
    const theirs = rot.turns.find((x) => x.organizationId === w.memberB.id);
    if (!mine || !theirs) throw new Error("missing turns");
    const swap = (
      (
        await as(t.app, w.users.referentA)("POST", `${r(w)}/${rot.id}/swaps`, { turnId: mine.id, withTurnId: theirs.id })
      ).json() as Rotation
    ).swaps[0];
    const refused = (
      await coordinator()("POST", `${r(w)}/${rot.id}/swaps/${swap.id}/answer`, { accept: false, message: "Pas possible" })
    ).json() as Rotation;
    expect(refused.swaps[0].status).toBe("refused");
    expect(refused.turns.find((x) => x.id === mine.id)?.organizationId).toBe(w.memberA.id);
  });

  it("refuses a host that is not a member place of the consortium", async () => {
    const res = await coordinator()(
      "POST",
      r(w),
      body(w, { hosts: [body(w).hosts[0], { organizationId: w.partner.id, placeId: w.placeB.id }] }),
    );
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields)).toContain("hosts.1.organizationId");
  });
});

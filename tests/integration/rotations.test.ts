import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, events, outboxMessages, rotationTurns } from "../../src/server/db/schema/index.ts";
import { buildOrganization, buildPerson, buildPlace, buildSpace, grantAccount } from "../../src/server/seed/factories.ts";
import { instantToParisWall } from "../../src/shared/agenda/time.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, signUp, type TestApp } from "../helpers/test-app.ts";
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
  name: string;
  fields: {
    start: string;
    hosts: Array<{ organizationId: string; personId: string | null; wishes: Array<{ date: string; kind: string }> }>;
  };
  turns: Array<{
    id: string;
    date: string;
    startsAt: string;
    organizationId: string;
    personId: string | null;
    hostName: string;
    status: string;
    cancelReason: string | null;
    eventId: string | null;
    pinned: boolean;
    reasons: Array<Record<string, unknown>>;
    abilities: Record<string, boolean>;
  }>;
  fairness: Array<{
    organizationId: string;
    personId: string | null;
    hostName: string;
    turns: number;
    target: number;
    deviation: number;
  }>;
  swaps: Array<{ id: string; status: string; abilities: Record<string, boolean> }>;
  ineligible: Array<{ organizationId: string; reason: string }>;
};

const coordinator = () => as(t.app, w.users.coordinator);
/**
 * Each rotation of a test meets at its own hour: two rotations in one room at once would clash (409). After
 * 23:00 the hours go on from midnight, well before the 8:30 of body().
 */
let hour = 11;
async function created(over: Record<string, unknown> = {}): Promise<Rotation> {
  const h = String(hour++ % 24).padStart(2, "0");
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
  describeRoute("rotations/:id/turns/:turnId/cancel", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${rotationId}/turns/${turnsSnapshot[0]?.id}/cancel`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}/turns/${turnsSnapshot[0]?.id}/cancel`,
    body: () => ({ reason: "Grève des transports" }),
    invalid: { body: () => ({ reason: "" }), field: "reason" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (b) => expect((b as Rotation).turns[0]).toMatchObject({ status: "cancelled", cancelReason: "Grève des transports" }),
  });
  describeRoute("rotations/:id/turns/:turnId/restore", ctx, {
    method: "POST",
    path: (w) => `${r(w)}/${rotationId}/turns/${turnsSnapshot[0]?.id}/restore`,
    otherConsortiumPath: (w) => `${r(w)}/${otherRotationId}/turns/${turnsSnapshot[0]?.id}/restore`,
    invalid: { path: (w) => `${r(w)}/${rotationId}/turns/pas-un-identifiant/restore`, field: "turnId" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (b) => expect((b as Rotation).turns[0]).toMatchObject({ status: "planned", cancelReason: null }),
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

describe("people as hosts", () => {
  /** Camille hosts for Le Hangar at its café and has an account; Hugo (of the world) has none, nor an address. */
  let camille: { id: string };
  let camilleUser: Awaited<ReturnType<typeof signUp>>;
  let rot: Rotation;
  const personHosts = () => [
    body(w).hosts[0],
    { organizationId: w.memberB.id, placeId: w.placeB.id },
    { organizationId: w.memberB.id, placeId: w.placeB.id, personId: camille.id },
    { organizationId: w.memberB.id, placeId: w.placeB.id, personId: w.personB.id },
  ];
  beforeAll(async () => {
    camilleUser = await signUp(t.app, { name: "Camille Martin" });
    await grantAccount(t.db, { consortiumId: w.consortium.id, userId: camilleUser.id, role: "member" });
    camille = await buildPerson(t.db, {
      consortiumId: w.consortium.id,
      firstName: "Camille",
      lastName: "Martin",
      userId: camilleUser.id,
      role: { organizationId: w.memberB.id, role: "staff" },
    });
    rot = await generated(
      (
        await created({
          name: "Avec des personnes",
          hosts: personHosts(),
          unavailable: [
            { organizationId: w.memberB.id, personId: camille.id, from: "2031-06-01", to: "2031-08-31", label: "congés" },
          ],
        })
      ).id,
    );
  });

  it("gives turns to people as to places: fair shares, names, and the organisation as the meeting's organiser", async () => {
    expect(rot.fields.hosts.filter((h) => h.personId).map((h) => h.personId)).toEqual(
      expect.arrayContaining([camille.id, w.personB.id]),
    );
    // Four hosts, two of them people of Le Hangar beside Le Hangar itself: three dates each.
    expect(rot.fairness).toHaveLength(4);
    for (const f of rot.fairness) expect(f.turns).toBe(3);
    const camilles = rot.turns.filter((x) => x.personId === camille.id);
    expect(camilles).toHaveLength(3);
    expect(camilles[0].hostName).toBe("Camille Martin (Le Hangar)");
    expect(camilles[0].organizationId).toBe(w.memberB.id);
    expect(camilles.every((x) => x.date < "2031-06-01" || x.date > "2031-08-31")).toBe(true);
    expect(rot.fairness.find((f) => f.personId === w.personB.id)?.hostName).toBe("Hugo Bernard (Le Hangar)");
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, camilles[0].eventId as string));
    expect(event.placeId).toBe(w.placeB.id);
    expect(event.description).toContain("Accueil : Camille Martin, pour Le Hangar");
  });

  it("writes to the person host, at the address of their account when they have none of their own", async () => {
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, camilleUser.email));
    expect(mails.some((m) => m.text.includes("Avec des personnes") && m.text.startsWith("Bonjour Camille Martin"))).toBe(true);
  });

  it("lets a person host's own account withdraw from their turn, and nobody else's", async () => {
    const view: Rotation = (await as(t.app, camilleUser)("GET", `${r(w)}/${rot.id}`)).json();
    expect(view.turns.filter((x) => x.abilities.withdraw).every((x) => x.personId === camille.id)).toBe(true);
    const theirs = view.turns.find((x) => x.personId === w.personB.id);
    const own = view.turns.find((x) => x.personId === camille.id);
    if (!theirs || !own) throw new Error("missing turns");
    expect(
      (await as(t.app, camilleUser)("POST", `${r(w)}/${rot.id}/turns/${theirs.id}/withdraw`, { reason: "Non" })).statusCode,
    ).toBe(403);
    const res = await as(t.app, camilleUser)("POST", `${r(w)}/${rot.id}/turns/${own.id}/withdraw`, {
      reason: "Formation ce jour-là",
    });
    expect(res.statusCode, res.body).toBe(200);
    const after: Rotation = res.json();
    const moved = after.turns.find((x) => x.id === own.id);
    expect(moved?.personId).not.toBe(camille.id);
    expect(moved?.reasons[0]).toMatchObject({ code: "withdrawal", from: "Camille Martin (Le Hangar)" });
    rot = after;
  });

  it("swaps between two people of the same organisation, and pins a date to a person", async () => {
    const mine = rot.turns.find((x) => x.personId === camille.id && x.status === "planned");
    // Camille is away in summer: one of Hugo's other dates.
    const hugo = rot.turns.find((x) => x.personId === w.personB.id && (x.date < "2031-06-01" || x.date > "2031-08-31"));
    if (!mine || !hugo) throw new Error("missing turns");
    const asked = await as(t.app, camilleUser)("POST", `${r(w)}/${rot.id}/swaps`, { turnId: mine.id, withTurnId: hugo.id });
    expect(asked.statusCode, asked.body).toBe(201);
    const swap = (asked.json() as Rotation).swaps[0];
    // Hugo has no account: Le Hangar's referent (or the coordination) answers for him.
    const answered = await coordinator()("POST", `${r(w)}/${rot.id}/swaps/${swap.id}/answer`, { accept: true });
    expect(answered.statusCode, answered.body).toBe(200);
    const after: Rotation = answered.json();
    expect(after.turns.find((x) => x.id === mine.id)?.personId).toBe(w.personB.id);
    expect(after.turns.find((x) => x.id === hugo.id)?.personId).toBe(camille.id);

    const target = after.turns.find((x) => x.organizationId === w.memberA.id && x.date < "2031-06-01");
    if (!target) throw new Error("no turn of La Fabrique");
    const pinned = await coordinator()("POST", `${r(w)}/${rot.id}/turns/${target.id}/pin`, {
      organizationId: w.memberB.id,
      personId: w.personB.id,
    });
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect((pinned.json() as Rotation).turns.find((x) => x.id === target.id)).toMatchObject({
      personId: w.personB.id,
      hostName: "Hugo Bernard (Le Hangar)",
      pinned: true,
    });
  });

  it("refuses a person twice, or a person of another consortium", async () => {
    const twice = await coordinator()("POST", r(w), body(w, { hosts: [...personHosts(), personHosts()[2]] }));
    expect(twice.statusCode).toBe(422);
    expect(Object.keys(twice.json().fields)).toContain("hosts.4.personId");
    const stranger = await coordinator()(
      "POST",
      r(w),
      body(w, { hosts: [body(w).hosts[0], { ...personHosts()[2], personId: w.other.person.id }] }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(Object.keys(stranger.json().fields)).toContain("hosts.1.personId");
  });
});

describe("wishes", () => {
  it("keeps the wishes fairness allows, and says why the others could not be kept", async () => {
    const hosts = body(w).hosts.map((h) =>
      h.organizationId === w.memberA.id
        ? {
            ...h,
            wishes: [
              { date: "2031-03-13", kind: "prefers" },
              { date: "2031-01-09", kind: "avoids" },
            ],
          }
        : h.organizationId === w.memberB.id
          ? { ...h, wishes: [{ date: "2031-05-08", kind: "prefers" }] }
          : h,
    );
    const rot = await generated(
      (
        await created({
          name: "Avec des vœux",
          hosts,
          unavailable: [{ organizationId: w.memberB.id, from: "2031-05-01", to: "2031-05-15", label: "inventaire" }],
        })
      ).id,
    );
    expect(rot.fields.hosts.find((h) => h.organizationId === w.memberA.id)?.wishes).toEqual([
      { date: "2031-01-09", kind: "avoids" },
      { date: "2031-03-13", kind: "prefers" },
    ]);
    const on = (date: string) => rot.turns.find((x) => x.date === date);
    expect(on("2031-03-13")?.organizationId).toBe(w.memberA.id);
    expect(on("2031-03-13")?.reasons).toContainEqual({ code: "preferred" });
    expect(on("2031-01-09")?.organizationId).not.toBe(w.memberA.id);
    // Le Hangar asked for 8 May but is closed then: the turn of that day says so.
    expect(on("2031-05-08")?.organizationId).not.toBe(w.memberB.id);
    expect(on("2031-05-08")?.reasons).toContainEqual({
      code: "wish-missed",
      hostId: w.memberB.id,
      label: "Le Hangar",
      why: { kind: "unavailable", label: "inventaire", from: "2031-05-01", to: "2031-05-15" },
    });
    for (const f of rot.fairness) expect(f.turns).toBe(4);
  });

  it("refuses a wish for a day the rotation does not meet, or two wishes for one day", async () => {
    const wish = (wishes: unknown[]) => body(w, { hosts: [{ ...body(w).hosts[0], wishes }, ...body(w).hosts.slice(1)] });
    const off = await coordinator()("POST", r(w), wish([{ date: "2031-03-14", kind: "prefers" }]));
    expect(off.statusCode).toBe(422);
    expect(off.json().fields["hosts.0.wishes.0.date"]).toBe("Ce jour n'est pas une date de la rotation");
    const twice = await coordinator()(
      "POST",
      r(w),
      wish([
        { date: "2031-03-13", kind: "prefers" },
        { date: "2031-03-13", kind: "avoids" },
      ]),
    );
    expect(twice.statusCode).toBe(422);
    expect(Object.keys(twice.json().fields)).toContain("hosts.0.wishes.1.date");
  });
});

describe("cancelling a date", () => {
  it("cancels the meeting in the agenda, tells the host, counts it for nobody, survives a new generation, and can be undone", async () => {
    const rot = await generated((await created({ name: "Une date annulée" })).id);
    const target = rot.turns.filter((x) => x.organizationId === w.memberA.id)[1];
    const res = await coordinator()("POST", `${r(w)}/${rot.id}/turns/${target.id}/cancel`, { reason: "Jour férié local" });
    expect(res.statusCode, res.body).toBe(200);
    const after: Rotation = res.json();
    expect(after.turns.find((x) => x.id === target.id)).toMatchObject({
      status: "cancelled",
      cancelReason: "Jour férié local",
      eventId: target.eventId,
      abilities: expect.objectContaining({ cancel: false, restore: true }),
    });
    expect(after.fairness.reduce((sum, f) => sum + f.turns, 0)).toBe(11);
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, target.eventId as string));
    expect(event.status).toBe("cancelled");
    const occurrences = await t.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, target.eventId as string));
    expect(occurrences.map((o) => o.status)).toEqual(["cancelled"]);
    const mails = await t.db.select().from(outboxMessages).where(eq(outboxMessages.to, w.users.referentA.email));
    expect(mails.some((m) => m.subject.includes("une date annulée") && m.text.includes("Jour férié local"))).toBe(true);
    // The host's referent can no longer withdraw from it, nor cancel it twice.
    expect(
      (await as(t.app, w.users.referentA)("POST", `${r(w)}/${rot.id}/turns/${target.id}/withdraw`, { reason: "x" })).statusCode,
    ).toBe(403);
    expect((await coordinator()("POST", `${r(w)}/${rot.id}/turns/${target.id}/cancel`, { reason: "encore" })).statusCode).toBe(
      409,
    );

    const again = await generated(rot.id);
    expect(again.turns).toHaveLength(12);
    expect(again.turns.find((x) => x.id === target.id)?.status).toBe("cancelled");
    expect(again.turns.filter((x) => x.status === "planned")).toHaveLength(11);

    const restored = await coordinator()("POST", `${r(w)}/${rot.id}/turns/${target.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect((restored.json() as Rotation).turns.find((x) => x.id === target.id)).toMatchObject({
      status: "planned",
      cancelReason: null,
      organizationId: w.memberA.id,
    });
    const [back] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, target.eventId as string));
    expect(back.status).toBe("confirmed");
    expect((await coordinator()("POST", `${r(w)}/${rot.id}/turns/${target.id}/restore`)).statusCode).toBe(409);
  });
});

describe("rooms taken by another event", () => {
  /** The first turn of a rotation held in a room (La Fabrique and La Cordée have one), with that room. */
  const roomTurn = (rot: Rotation) => {
    const turn = rot.turns.find((x) => x.organizationId === w.memberA.id || x.organizationId === memberC.id);
    if (!turn) throw new Error("no turn in a room");
    return turn.organizationId === w.memberA.id
      ? { turn, space: "Salle des machines", place: "d'Atelier partagé" }
      : { turn, space: "Grande salle", place: "de Coworking de la Cordée" };
  };

  it("names the room, the day, the hours and the other meeting, and writes nothing", async () => {
    const first = await generated((await created({ name: "Café des lieux" })).id);
    // The same hosts at the same hour, on purpose: the same schedule, in the same rooms.
    hour--;
    const second = await created({ name: "Autre café" });
    const res = await coordinator()("POST", `${r(w)}/${second.id}/generate`, { from: "2031-01-01" });
    expect(res.statusCode).toBe(409);
    const { turn, space, place } = roomTurn(first);
    const time = first.fields.start.slice(11, 13).replace(/^0/, "");
    const day = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full" }).format(new Date(turn.startsAt));
    expect(res.json().message).toBe(
      `La salle ${space} ${place} est déjà prise le ${day.replace(/ 1 /, " 1er ")} de ${time} h à ${time} h 50 (« Café des lieux »).`,
    );
    expect(res.json().details).toMatchObject({ code: "room-taken", space, title: "Café des lieux" });
    expect(await t.db.select().from(rotationTurns).where(eq(rotationTurns.rotationId, second.id))).toHaveLength(0);
  });

  it("refuses to restore a date whose room was taken meanwhile, saying by what", async () => {
    const rot = await generated((await created({ name: "Salle reprise" })).id);
    const { turn } = roomTurn(rot);
    await coordinator()("POST", `${r(w)}/${rot.id}/turns/${turn.id}/cancel`, { reason: "Intervenant absent" });
    const wall = (iso: string) => instantToParisWall(new Date(iso));
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, turn.eventId as string));
    const taken = await coordinator()("POST", `/api/consortia/${w.consortium.slug}/agenda/events`, {
      title: "Atelier couture",
      venue: "place",
      placeId: event.placeId,
      spaceId: event.spaceId,
      organizerIds: [turn.organizationId],
      start: wall(turn.startsAt),
      end: wall(new Date(new Date(turn.startsAt).getTime() + 30 * 60_000).toISOString()),
      audiences: ["families"],
    });
    expect(taken.statusCode, taken.body).toBe(201);
    const res = await coordinator()("POST", `${r(w)}/${rot.id}/turns/${turn.id}/restore`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/^La salle .+ est déjà prise le .+ 2031 de \d+ h à \d+ h 30 \(« Atelier couture »\)\.$/);
    expect(
      (await coordinator()("GET", `${r(w)}/${rot.id}`)).json().turns.find((x: { id: string }) => x.id === turn.id).status,
    ).toBe("cancelled");
  });
});

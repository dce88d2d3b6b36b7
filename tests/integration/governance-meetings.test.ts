import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, bodies, events, mandates, proposals } from "../../src/server/db/schema/index.ts";
import { buildPerson } from "../../src/server/seed/factories.ts";
import type { MeetingDto, MeetingListDto } from "../../src/shared/contracts/meetings.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
/** A steering committee of five people: quorum one half, one proxy each. */
let bodyId: string;
let otherBodyId: string;
let members: string[];
let meetingId: string;
let spareMeetingId: string;
let otherMeetingId: string;

const r = (w: World) => `/api/consortia/${w.consortium.slug}/governance/meetings`;
const coordinator = () => as(t.app, w.users.coordinator);
const meetingBody = (over: Record<string, unknown> = {}) => ({
  bodyId,
  title: "Comité de pilotage de mars",
  start: "2032-03-18T18:00",
  end: "2032-03-18T20:00",
  placeId: w.placeA.id,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  const [body] = await t.db
    .insert(bodies)
    .values({
      consortiumId: w.consortium.id,
      name: "Comité de pilotage",
      kind: "steering_committee",
      quorum: { firstCall: "1/2", secondCall: null, basis: "headcount" },
      proxyLimit: 1,
    })
    .returning();
  bodyId = body.id;
  const people = [w.personA, w.personB];
  for (const name of ["Anne", "Bruno", "Chloé"])
    people.push(await buildPerson(t.db, { consortiumId: w.consortium.id, firstName: name, lastName: "Comité" }));
  members = [];
  for (const p of people) {
    const [m] = await t.db
      .insert(mandates)
      .values({ consortiumId: w.consortium.id, bodyId, personId: p.id, role: "member", startsOn: "2030-01-01" })
      .returning();
    members.push(m.id);
  }
  // A mandate that ended before the meeting: not on the sheet.
  await t.db.insert(mandates).values({
    consortiumId: w.consortium.id,
    bodyId,
    personId: w.personA.id,
    role: "secretary",
    startsOn: "2020-01-01",
    endsOn: "2029-12-31",
  });
  const [other] = await t.db
    .insert(bodies)
    .values({ consortiumId: w.other.consortium.id, name: "Bureau voisin", kind: "steering_committee" })
    .returning();
  otherBodyId = other.id;
  const created = await coordinator()("POST", r(w), meetingBody());
  expect(created.statusCode, created.body).toBe(201);
  meetingId = created.json().id;
  spareMeetingId = (
    await coordinator()(
      "POST",
      r(w),
      meetingBody({ title: "Réunion à annuler", start: "2032-04-01T18:00", end: "2032-04-01T19:00" }),
    )
  ).json().id;
  const otherMeeting = await as(t.app, w.users.outsider)(
    "POST",
    `/api/consortia/${w.other.consortium.slug}/governance/meetings`,
    {
      bodyId: otherBodyId,
      title: "Bureau",
      start: "2032-03-18T18:00",
      end: "2032-03-18T19:00",
    },
  );
  expect(otherMeeting.statusCode, otherMeeting.body).toBe(201);
  otherMeetingId = otherMeeting.json().id;
});
afterAll(() => t.close());

const sheet = (marks: Array<[number, "present" | "excused" | "absent", number?]>) => ({
  rows: marks.map(([i, presence, to]) => ({ mandateId: members[i], presence, proxyTo: to === undefined ? null : members[to] })),
});

describe("meeting routes", () => {
  const ctx = { t: () => t, w: () => w };
  describeRoute("governance/meetings (list)", ctx, {
    method: "GET",
    path: (w) => r(w),
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as MeetingListDto).items.map((m) => m.title)).toContain("Comité de pilotage de mars"),
  });
  describeRoute("governance/meetings (create)", ctx, {
    method: "POST",
    path: (w) => r(w),
    body: () => meetingBody({ title: "Autre réunion", start: "2032-05-06T18:00", end: "2032-05-06T19:00", placeId: null }),
    invalid: { body: () => meetingBody({ end: "2032-03-18T17:00" }), field: "end" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
  });
  describeRoute("governance/meetings/:id", ctx, {
    method: "GET",
    path: (w) => `${r(w)}/${meetingId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}`,
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as MeetingDto).members).toHaveLength(5),
  });
  describeRoute("governance/meetings/:id (update)", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${meetingId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}`,
    body: () => meetingBody(),
    invalid: { body: () => meetingBody({ title: "" }), field: "title" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("governance/meetings/:id/items", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${meetingId}/items`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}/items`,
    body: () => ({ items: [{ title: "Budget 2033" }, { title: "Tournée apprenante", notes: "Choix des lieux" }] }),
    invalid: { body: () => ({ items: [{ title: "" }] }), field: "items.0.title" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("governance/meetings/:id/attendance", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${meetingId}/attendance`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}/attendance`,
    body: () =>
      sheet([
        [0, "present"],
        [1, "present"],
      ]),
    invalid: { body: () => ({ rows: [{ mandateId: members[0], presence: "late" }] }), field: "rows.0.presence" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("governance/meetings/:id/minutes", ctx, {
    method: "PUT",
    path: (w) => `${r(w)}/${meetingId}/minutes`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}/minutes`,
    body: () => ({ minutes: "Le comité valide le budget.", approved: false }),
    invalid: { body: () => ({ minutes: 3 }), field: "minutes" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("governance/meetings/:id/minutes.odt", ctx, {
    method: "GET",
    path: (w) => `${r(w)}/${meetingId}/minutes.odt`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}/minutes.odt`,
    allowedAs: "member",
    status: 200,
  });
  describeRoute("governance/meetings/:id (delete)", ctx, {
    method: "DELETE",
    path: (w) => `${r(w)}/${spareMeetingId}`,
    otherConsortiumPath: (w) => `${r(w)}/${otherMeetingId}`,
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 204,
  });
});

describe("a meeting", () => {
  it("is in the agenda at its place, for the consortium's members", async () => {
    const m: MeetingDto = (await coordinator()("GET", `${r(w)}/${meetingId}`)).json();
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.id, m.eventId as string));
    expect(event.placeId).toBe(w.placeA.id);
    expect(event.visibility).toBe("consortium");
    expect(event.startsAt.toISOString()).toBe("2032-03-18T17:00:00.000Z");
  });

  it("counts the quorum live, proxies included, and names the proxies beyond the limit", async () => {
    // Two present, nobody represented: 2/5 < 1/2.
    let m: MeetingDto = (
      await coordinator()(
        "PUT",
        `${r(w)}/${meetingId}/attendance`,
        sheet([
          [0, "present"],
          [1, "present"],
          [2, "excused"],
          [3, "absent"],
        ]),
      )
    ).json();
    expect(m.quorum?.met).toBe(false);
    expect(m.quorum?.text).toMatch(
      /^Quorum non atteint : 2 présents ou représentés sur 5 membres \(40\s%\) ; il en manque 1 pour atteindre 1\/2\.$/,
    );
    expect(m.counts).toEqual({ members: 5, present: 2, represented: 0, excused: 1, absent: 2 });
    // Chloé (absent) and Bruno (excused) both give their proxy to the same present member: the limit is one.
    m = (
      await coordinator()(
        "PUT",
        `${r(w)}/${meetingId}/attendance`,
        sheet([
          [0, "present"],
          [1, "present"],
          [2, "excused", 0],
          [4, "absent", 0],
        ]),
      )
    ).json();
    expect(m.counts.represented).toBe(1);
    expect(m.quorum?.met).toBe(true);
    expect(m.members.find((x) => x.mandateId === members[2])?.holderName).toBe("Inès Moreau");
    expect(m.refusedProxies).toHaveLength(1);
    expect(m.refusedProxies[0]).toMatch(/Inès Moreau/);
  });

  it("refuses a sheet naming someone who does not sit there, or a proxy to a stranger, and keeps the last sheet", async () => {
    const [stranger] = await t.db
      .insert(mandates)
      .values({ consortiumId: w.consortium.id, bodyId, personId: w.personB.id, startsOn: "2035-01-01" })
      .returning();
    const res = await coordinator()("PUT", `${r(w)}/${meetingId}/attendance`, {
      rows: [{ mandateId: stranger.id, presence: "present" }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields["rows.0.mandateId"]).toMatch(/ne siège pas/);
    const proxy = await coordinator()("PUT", `${r(w)}/${meetingId}/attendance`, {
      rows: [{ mandateId: members[0], presence: "absent", proxyTo: stranger.id }],
    });
    expect(proxy.statusCode).toBe(422);
    const m: MeetingDto = (await coordinator()("GET", `${r(w)}/${meetingId}`)).json();
    expect(m.counts.present).toBe(2);
  });

  it("links only proposals of its own body on the order of the day", async () => {
    const [mine] = await t.db
      .insert(proposals)
      .values({ consortiumId: w.consortium.id, bodyId, title: "Budget 2033", text: "Adopter le budget.", method: "majority" })
      .returning();
    const [foreign] = await t.db
      .insert(bodies)
      .values({ consortiumId: w.consortium.id, name: "Groupe foncier", kind: "working_group" })
      .returning();
    const [elsewhere] = await t.db
      .insert(proposals)
      .values({ consortiumId: w.consortium.id, bodyId: foreign.id, title: "Bail", text: "Signer le bail.", method: "consent" })
      .returning();
    const bad = await coordinator()("PUT", `${r(w)}/${meetingId}/items`, {
      items: [{ title: "Bail", proposalId: elsewhere.id }],
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().fields)).toEqual(["items.0.proposalId"]);
    const ok: MeetingDto = (
      await coordinator()("PUT", `${r(w)}/${meetingId}/items`, {
        items: [{ title: "Budget", proposalId: mine.id }, { title: "Questions diverses" }],
      })
    ).json();
    expect(ok.items.map((i) => [i.title, i.proposalTitle])).toEqual([
      ["Budget", "Budget 2033"],
      ["Questions diverses", null],
    ]);
    expect(ok.proposals.map((p) => p.title)).toEqual(["Budget 2033"]);
    // The proposal's page shows the meeting with its attendance and live quorum, as the meeting counts them.
    const proposal = (
      await coordinator()("GET", `/api/consortia/${w.consortium.slug}/governance/proposals/${mine.id}`)
    ).json() as { meetings: Array<{ id: string; present: number; members: number; quorum: { met: boolean; text: string } }> };
    const meeting: MeetingDto = (await coordinator()("GET", `${r(w)}/${meetingId}`)).json();
    expect(proposal.meetings).toEqual([
      {
        id: meetingId,
        title: meeting.title,
        startsAt: meeting.startsAt,
        present: meeting.counts.present,
        represented: meeting.counts.represented,
        members: meeting.counts.members,
        quorum: meeting.quorum,
      },
    ]);
    expect(proposal.meetings[0].quorum.text).toMatch(/^Quorum atteint/);
  });

  it("closes a vote of the meeting's order of the day only with its quorum", async () => {
    const proposalsUrl = `/api/consortia/${w.consortium.slug}/governance/proposals`;
    const created = await coordinator()("POST", proposalsUrl, {
      bodyId,
      title: "Horaires d'été",
      text: "Les lieux ferment à 20 h en juillet et en août.",
      method: "majority",
      rule: { threshold: "simple", base: "cast", abstentions: "excluded" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    // On the order of the day before it opens: its electorate is the body on the meeting's day.
    await coordinator()("PUT", `${r(w)}/${meetingId}/items`, { items: [{ title: "Horaires", proposalId: id }] });
    expect((await coordinator()("POST", `${proposalsUrl}/${id}/open`)).statusCode).toBe(200);
    const ballot = await coordinator()("POST", `${proposalsUrl}/${id}/ballots`, {
      mandateId: members[0],
      choice: "for",
      inSession: true,
    });
    expect(ballot.statusCode, ballot.body).toBe(200);
    // One present of five: 1/5 < 1/2, so the vote cannot be closed at this meeting.
    await coordinator()("PUT", `${r(w)}/${meetingId}/attendance`, sheet([[0, "present"]]));
    const refused = await coordinator()("POST", `${proposalsUrl}/${id}/close`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(
      /^Quorum non atteint : 1 présent ou représenté sur 5 membres.*Le vote ne peut pas être clos à la réunion « /,
    );
    // With the quorum (the sheet of the earlier test, one proxy counted), it closes.
    await coordinator()(
      "PUT",
      `${r(w)}/${meetingId}/attendance`,
      sheet([
        [0, "present"],
        [1, "present"],
        [2, "excused", 0],
        [4, "absent", 0],
      ]),
    );
    const closed = await coordinator()("POST", `${proposalsUrl}/${id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().outcome).toBe("adopted");
  });

  it("exports the minutes as an OpenDocument text, and approved minutes change no more", async () => {
    await coordinator()("PUT", `${r(w)}/${meetingId}/minutes`, {
      minutes: "Le comité adopte le budget 2033.\nProchaine réunion en juin.",
      approved: true,
    });
    const again = await coordinator()("PUT", `${r(w)}/${meetingId}/minutes`, { minutes: "Autre texte", approved: false });
    expect(again.statusCode).toBe(409);
    const file = await as(t.app, w.users.member)("GET", `${r(w)}/${meetingId}/minutes.odt`);
    expect(file.headers["content-type"]).toBe("application/vnd.oasis.opendocument.text");
    expect(file.headers["content-disposition"]).toBe('attachment; filename="compte-rendu-2032-03-18.odt"');
    const body = file.rawPayload;
    expect(body.subarray(30, 38).toString()).toBe("mimetype");
    const content = body.toString("utf8");
    expect(content).toContain("Compte rendu — Comité de pilotage de mars");
    expect(content).toContain("représenté·e par Inès Moreau");
    expect(content).toContain("Le comité adopte le budget 2033.");
    expect(content).toContain("Compte rendu approuvé.");
    const removed = await coordinator()("DELETE", `${r(w)}/${meetingId}`);
    expect(removed.statusCode).toBe(409);
  });

  it("can be a rotation's date: it takes its times, host place and agenda event, once", async () => {
    const rotation = await coordinator()("POST", `/api/consortia/${w.consortium.slug}/rotations`, {
      name: "Comité tournant",
      start: "2032-06-10T18:00",
      end: "2032-06-10T20:00",
      recurrence: { frequency: "monthly_weekday", count: 3 },
      hosts: [
        { organizationId: w.memberA.id, placeId: w.placeA.id },
        { organizationId: w.memberB.id, placeId: w.placeB.id },
      ],
    });
    const turns = (
      await coordinator()("POST", `/api/consortia/${w.consortium.slug}/rotations/${rotation.json().id}/generate`, {
        from: "2032-01-01",
      })
    ).json().turns as Array<{ id: string; eventId: string; organizationId: string }>;
    const list: MeetingListDto = (await coordinator()("GET", r(w))).json();
    expect(list.turns.map((x) => x.id)).toContain(turns[0].id);
    const res = await coordinator()("POST", r(w), { bodyId, title: "Comité de juin", rotationTurnId: turns[0].id });
    expect(res.statusCode, res.body).toBe(201);
    const m: MeetingDto = res.json();
    expect(m.eventId).toBe(turns[0].eventId);
    expect(m.rotation?.name).toBe("Comité tournant");
    expect(m.start).toBe("2032-06-10T18:00");
    expect(m.placeId).toBe(turns[0].organizationId === w.memberA.id ? w.placeA.id : w.placeB.id);
    const twice = await coordinator()("POST", r(w), { bodyId, title: "Doublon", rotationTurnId: turns[0].id });
    expect(twice.statusCode).toBe(422);
    expect(Object.keys(twice.json().fields)).toEqual(["rotationTurnId"]);
    const after: MeetingListDto = (await coordinator()("GET", r(w))).json();
    expect(after.turns.map((x) => x.id)).not.toContain(turns[0].id);
    // Cancelling the meeting leaves the rotation's event in the agenda.
    expect((await coordinator()("DELETE", `${r(w)}/${m.id}`)).statusCode).toBe(204);
    expect(await t.db.select().from(events).where(eq(events.id, turns[0].eventId))).toHaveLength(1);
  });

  it("records each step in the activity log", async () => {
    const rows = await t.db.select().from(activities).where(eq(activities.subjectId, meetingId));
    expect(new Set(rows.map((a) => a.action))).toEqual(
      new Set([
        "meeting.create",
        "meeting.update",
        "meeting.items",
        "meeting.attendance",
        "meeting.minutes",
        "meeting.minutes.approve",
      ]),
    );
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activities,
  associates,
  ballots,
  bodies,
  colleges,
  decisions,
  governanceSettings,
  mandates,
  people,
  proposals,
  voteParticipations,
} from "../../src/server/db/schema/index.ts";
import { agWorkedExampleGroups } from "../../src/shared/governance/fixtures.ts";
import type { Choice } from "../../src/shared/governance/tally.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
/** The general assembly of the worked example (§1.6): 38 members in four weighted colleges, one proxy each at most. */
let assemblyId: string;
/** Mandates of the assembly by college id, in order; the member user sits first among the Salariés. */
const seats = new Map<string, string[]>();
let memberSeat: string;
/** A steering committee deciding by consent: carrier, facilitator and three more. */
let steeringId: string;
const circle: Record<"carrier" | "facilitator" | "ana" | "ben" | "chloe", string> = {
  carrier: "",
  facilitator: "",
  ana: "",
  ben: "",
  chloe: "",
};
let otherProposalId: string;

const base = (w: World) => `/api/consortia/${w.consortium.slug}/governance/proposals`;
const coordinator = () => as(t.app, w.users.coordinator);
const simpleRule = { threshold: "simple", base: "cast", abstentions: "excluded" } as const;

type Proposal = {
  id: string;
  status: string;
  outcome: string | null;
  decisionId: string | null;
  voters: Array<{ mandateId: string; castBy: string }>;
  ballots: Array<{ mandateId: string; choice: string }>;
  result: { outcome: string; forShare: string | null; groups: Array<{ name: string; side: string | null }> } | null;
  consent: { phase: string; objections: Array<{ id: number; status: string }> } | null;
  election: {
    phase: string;
    role: { criteria: string[] } | null;
    result: { person: string; conditions: string[] } | null;
  } | null;
  abilities: Record<string, boolean>;
};

async function draft(over: Record<string, unknown> = {}): Promise<Proposal> {
  const res = await coordinator()("POST", base(w), {
    bodyId: assemblyId,
    title: "Budget 2032 du réseau",
    text: "Adopter le budget prévisionnel 2032 tel que présenté par le comité de pilotage.",
    method: "colleges",
    rule: { ...simpleRule, counting: "proportional" },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function opened(over: Record<string, unknown> = {}): Promise<Proposal> {
  const p = await draft(over);
  const res = await coordinator()("POST", `${base(w)}/${p.id}/open`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function record(id: string, mandateId: string, choice: Choice, expected = 200) {
  const res = await coordinator()("POST", `${base(w)}/${id}/ballots`, { mandateId, choice, inSession: true });
  expect(res.statusCode, res.body).toBe(expected);
  return res;
}
/** Records the ballots of the worked example in session, college by college. */
async function workedExampleBallots(id: string) {
  for (const g of agWorkedExampleGroups) {
    const list = seats.get(g.id) ?? [];
    let i = 0;
    for (const choice of ["for", "against", "abstain"] as const) {
      for (let k = 0; k < g.counts[choice]; k++) await record(id, list[i++], choice);
    }
  }
}
async function close(id: string): Promise<Proposal> {
  const res = await coordinator()("POST", `${base(w)}/${id}/close`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function step(id: string, by: string, event: Record<string, unknown>, expected = 200) {
  const res = await coordinator()("POST", `${base(w)}/${id}/consent`, { by, event });
  expect(res.statusCode, res.body).toBe(expected);
  return res;
}
async function elect(id: string, by: string, event: Record<string, unknown>, expected = 200) {
  const res = await coordinator()("POST", `${base(w)}/${id}/election`, { by, event });
  expect(res.statusCode, res.body).toBe(expected);
  return res;
}
const electionRole = {
  criteria: ["Connaît les organismes de formation", "Disponible une demi-journée par mois"],
  accountabilities: ["Suivre la certification Qualiopi"],
  mandateRole: "referent",
  mandateStart: "2033-01-01",
  mandateEnd: "2034-12-31",
};
const actionsOf = async (id: string) =>
  (await t.db.select().from(activities).where(eq(activities.subjectId, id))).map((a) => a.action);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  const consortiumId = w.consortium.id;
  await t.db.insert(governanceSettings).values({ consortiumId, collegeWeighting: "set" });
  const [assembly] = await t.db
    .insert(bodies)
    .values({ consortiumId, name: "Assemblée générale", kind: "general_assembly", proxyLimit: 1 })
    .returning();
  assemblyId = assembly.id;
  const [memberPerson] = await t.db
    .insert(people)
    .values({ consortiumId, firstName: "Manon", lastName: "Membre", userId: w.users.member.id })
    .returning();
  for (const [position, g] of agWorkedExampleGroups.entries()) {
    const [college] = await t.db.insert(colleges).values({ consortiumId, name: g.name, weight: g.weight, position }).returning();
    const list: string[] = [];
    for (let i = 0; i < g.members; i++) {
      const [person] =
        position === 0 && i === 0
          ? [memberPerson]
          : await t.db
              .insert(people)
              .values({ consortiumId, firstName: `Associé ${g.name}`, lastName: String(i + 1).padStart(2, "0") })
              .returning();
      await t.db.insert(associates).values({ consortiumId, personId: person.id, collegeId: college.id });
      const [m] = await t.db
        .insert(mandates)
        .values({ consortiumId, bodyId: assembly.id, personId: person.id, startsOn: "2020-01-01" })
        .returning();
      list.push(m.id);
    }
    // The worked example's groups are keyed by their fixture ids; map both ways.
    seats.set(g.id, list);
  }
  memberSeat = (seats.get("salaries") ?? [])[0];

  const [steering] = await t.db
    .insert(bodies)
    .values({ consortiumId, name: "Comité de pilotage", kind: "steering_committee" })
    .returning();
  steeringId = steering.id;
  for (const key of Object.keys(circle) as Array<keyof typeof circle>) {
    const [person] = await t.db.insert(people).values({ consortiumId, firstName: key, lastName: "Cercle" }).returning();
    const [m] = await t.db
      .insert(mandates)
      .values({
        consortiumId,
        bodyId: steering.id,
        personId: person.id,
        role: key === "facilitator" ? "facilitator" : "member",
        startsOn: "2020-01-01",
      })
      .returning();
    circle[key] = m.id;
  }

  const [otherBody] = await t.db
    .insert(bodies)
    .values({ consortiumId: w.other.consortium.id, name: "AG voisine", kind: "general_assembly" })
    .returning();
  const [otherProposal] = await t.db
    .insert(proposals)
    .values({
      consortiumId: w.other.consortium.id,
      bodyId: otherBody.id,
      title: "Ailleurs",
      text: "Une proposition d'un autre réseau.",
      method: "majority",
    })
    .returning();
  otherProposalId = otherProposal.id;
});
afterAll(() => t.close());

describe("proposal routes", () => {
  const ctx = { t: () => t, w: () => w };
  const ids: Record<string, string> = {};
  const other =
    (suffix = "") =>
    (w: World) =>
      `/api/consortia/${w.consortium.slug}/governance/proposals/${otherProposalId}${suffix}`;
  const badId =
    (suffix = "") =>
    (w: World) =>
      `${base(w)}/pas-un-identifiant${suffix}`;

  beforeAll(async () => {
    ids.draft = (await draft()).id;
    ids.ballot = (await opened({ method: "majority", rule: simpleRule })).id;
    ids.proxy = (await opened({ method: "majority", rule: simpleRule })).id;
    ids.close = (await opened({ method: "majority", rule: simpleRule })).id;
    const decided = await opened({ method: "majority", rule: simpleRule });
    await record(decided.id, memberSeat, "for");
    ids.recount = (await close(decided.id)).id;
    ids.advice = (await opened({ bodyId: steeringId, method: "advice", rule: null, carrierId: circle.carrier })).id;
    ids.consent = (
      await opened({
        bodyId: steeringId,
        method: "consent",
        rule: null,
        carrierId: circle.carrier,
        facilitatorId: circle.facilitator,
      })
    ).id;
    ids.election = (
      await opened({
        bodyId: steeringId,
        title: "Référent·e formation",
        text: "Porter le suivi de la certification partagée.",
        method: "election",
        rule: null,
        facilitatorId: circle.facilitator,
        election: electionRole,
      })
    ).id;
  });

  describeRoute("proposals (list)", ctx, {
    method: "GET",
    path: (w) => base(w),
    invalid: { path: (w) => `${base(w)}?status=perdu`, field: "status" },
    allowedAs: "member",
    status: 200,
    check: (b) => {
      const body = b as { items: unknown[]; bodies: Array<{ name: string; collegesReady: boolean }> };
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.bodies.find((x) => x.name === "Assemblée générale")?.collegesReady).toBe(true);
    },
  });
  describeRoute("proposals (create)", ctx, {
    method: "POST",
    path: (w) => base(w),
    body: () => ({ bodyId: assemblyId, title: "Charte", text: "Adopter la charte.", method: "majority", rule: simpleRule }),
    invalid: {
      body: () => ({ bodyId: assemblyId, title: "Charte", text: "Adopter la charte.", method: "majority" }),
      field: "rule",
    },
    forbiddenAs: "partner",
    allowedAs: "member",
    status: 201,
  });
  describeRoute("proposals/:id", ctx, {
    method: "GET",
    path: (w) => `${base(w)}/${ids.draft}`,
    otherConsortiumPath: other(),
    invalid: { path: badId(), field: "id" },
    allowedAs: "member",
    status: 200,
  });
  describeRoute("proposals/:id/open", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.draft}/open`,
    otherConsortiumPath: other("/open"),
    invalid: { path: badId("/open"), field: "id" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (b) => expect((b as Proposal).status).toBe("open"),
  });
  describeRoute("proposals/:id/ballots", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.ballot}/ballots`,
    otherConsortiumPath: other("/ballots"),
    body: () => ({ mandateId: memberSeat, choice: "for" }),
    invalid: { body: () => ({ mandateId: memberSeat, choice: "peut-être" }), field: "choice" },
    forbiddenAs: "partner",
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as Proposal).voters).toEqual([{ mandateId: memberSeat, castBy: memberSeat }]),
  });
  describeRoute("proposals/:id/proxies", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.proxy}/proxies`,
    otherConsortiumPath: other("/proxies"),
    body: () => ({ fromMandateId: (seats.get("usagers") ?? [])[0], toMandateId: memberSeat }),
    invalid: { body: () => ({ fromMandateId: memberSeat, toMandateId: memberSeat }), field: "toMandateId" },
    forbiddenAs: "partner",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("proposals/:id/close", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.close}/close`,
    otherConsortiumPath: other("/close"),
    invalid: { path: badId("/close"), field: "id" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (b) => expect((b as Proposal).outcome).toBe("rejected"),
  });
  describeRoute("proposals/:id/recount", ctx, {
    method: "GET",
    path: (w) => `${base(w)}/${ids.recount}/recount`,
    otherConsortiumPath: other("/recount"),
    invalid: { path: badId("/recount"), field: "id" },
    forbiddenAs: "partner",
    allowedAs: "member",
    status: 200,
    check: (b) => expect((b as { matches: boolean }).matches).toBe(true),
  });
  describeRoute("proposals/:id/consent", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.consent}/consent`,
    otherConsortiumPath: other("/consent"),
    body: () => ({ by: circle.ana, event: { type: "ask", question: "Quel budget ?" } }),
    invalid: { body: () => ({ by: "personne", event: { type: "pass" } }), field: "by" },
    forbiddenAs: "partner",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("proposals/:id/election", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.election}/election`,
    otherConsortiumPath: other("/election"),
    body: () => ({ by: circle.ana, event: { type: "nominate", nominee: circle.ben, reason: "Elle connaît le réseau." } }),
    invalid: { body: () => ({ by: circle.ana, event: { type: "nominate", nominee: circle.ben } }), field: "event.reason" },
    forbiddenAs: "partner",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("proposals/:id/advice", ctx, {
    method: "POST",
    path: (w) => `${base(w)}/${ids.advice}/advice`,
    otherConsortiumPath: other("/advice"),
    body: () => ({ by: circle.carrier, event: { type: "request", to: circle.ana, kind: "affected" } }),
    invalid: {
      body: () => ({ by: circle.carrier, event: { type: "request", to: circle.ana, kind: "curieux" } }),
      field: "event.kind",
    },
    forbiddenAs: "partner",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("governance/decisions", ctx, {
    method: "GET",
    path: (w) => `/api/consortia/${w.consortium.slug}/governance/decisions`,
    invalid: { path: (w) => `/api/consortia/${w.consortium.slug}/governance/decisions?status=perdu`, field: "status" },
    allowedAs: "partner",
    status: 200,
  });
});

describe("weighted college votes", () => {
  it("counts the worked example proportionally: 1061/1650 for, adopted, written in the register", async () => {
    const p = await opened();
    await workedExampleBallots(p.id);
    const closed = await close(p.id);
    expect(closed.status).toBe("decided");
    expect(closed.result?.forShare).toBe("1061/1650");
    expect(closed.outcome).toBe("adopted");
    expect(closed.ballots).toHaveLength(38);
    expect(closed.decisionId).not.toBeNull();
    const [decision] = await t.db.select().from(decisions).where(eq(decisions.proposalId, p.id));
    expect(decision.resultSummary).toMatch(/^Adoptée : 64,3/);
    expect(decision.method).toBe("vote pondéré par collège");
    const actions = await actionsOf(p.id);
    expect(actions.filter((a) => a === "proposal.vote")).toHaveLength(38);
    expect(actions).toEqual(expect.arrayContaining(["proposal.create", "proposal.open", "proposal.close"]));
    expect(await actionsOf(decision.id)).toEqual(["decision.record"]);

    const again = await as(t.app, w.users.member)("GET", `${base(w)}/${p.id}/recount`);
    expect(again.json()).toMatchObject({ matches: true, issues: [] });
  });

  it("counts the same ballots by college majority in secret: 1/2 for, rejected, and no row links a voter to a choice", async () => {
    const p = await opened({ secrecy: "secret", rule: { ...simpleRule, counting: "college_majority" } });
    await workedExampleBallots(p.id);
    // A secret ballot cannot be changed once cast.
    const changed = await record(p.id, memberSeat, "against", 409);
    expect(changed.json().message).toMatch(/secret/);
    const closed = await close(p.id);
    expect(closed.result?.forShare).toBe("1/2");
    expect(closed.outcome).toBe("rejected");
    expect(closed.result?.groups.map((g) => g.side)).toEqual(["for", "against", "for", "against"]);
    expect(closed.ballots).toEqual([]);
    expect(closed.decisionId).toBeNull();

    const rows = await t.db.select().from(ballots).where(eq(ballots.proposalId, p.id));
    expect(rows).toHaveLength(38);
    expect(rows.every((r) => r.mandateId === null)).toBe(true);
    const [stored] = await t.db.select().from(proposals).where(eq(proposals.id, p.id));
    const state = stored.state as { ballots: Record<string, unknown> };
    expect(state.ballots).toEqual({});
    expect((stored.record as { ballots: unknown }).ballots).toBeNull();
    expect(JSON.stringify(stored.state)).not.toMatch(/"choice"/);
    const sheet = await t.db.select().from(voteParticipations).where(eq(voteParticipations.proposalId, p.id));
    expect(sheet).toHaveLength(38);
    const logged = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.subjectId, p.id), eq(activities.action, "proposal.vote")));
    expect(logged.every((a) => !/ pour | contre | abstention/.test(a.summary) && a.data?.choice === undefined)).toBe(true);

    const recount = await coordinator()("GET", `${base(w)}/${p.id}/recount`);
    expect(recount.json()).toMatchObject({ matches: true });
  });

  it("refuses ballots on a closed vote and tells a tampered record from the stored result", async () => {
    const p = await opened({ method: "majority", rule: { threshold: "two_thirds", base: "cast", abstentions: "excluded" } });
    await record(p.id, memberSeat, "for");
    await record(p.id, (seats.get("usagers") ?? [])[0], "against");
    const closed = await close(p.id);
    expect(closed.outcome).toBe("rejected");
    const late = await record(p.id, (seats.get("usagers") ?? [])[1], "for", 409);
    expect(late.json().message).toMatch(/clos/);
    expect((await coordinator()("POST", `${base(w)}/${p.id}/close`)).statusCode).toBe(409);

    const [stored] = await t.db.select().from(proposals).where(eq(proposals.id, p.id));
    const tampered = structuredClone(stored.record) as { result: { outcome: string } };
    tampered.result.outcome = "adopted";
    await t.db.update(proposals).set({ record: tampered }).where(eq(proposals.id, p.id));
    const res = await coordinator()("GET", `${base(w)}/${p.id}/recount`);
    expect(res.json().matches).toBe(false);
    expect(res.json().issues.join(" ")).toMatch(/recomptage/i);
  });

  it("lets an open vote change until the close, and a proxy holder vote for the member they represent", async () => {
    const p = await opened({ method: "majority", rule: simpleRule });
    const [u1, u2, u3] = seats.get("usagers") ?? [];
    const member = as(t.app, w.users.member);
    // Without a proxy the member cannot vote for someone else.
    expect((await member("POST", `${base(w)}/${p.id}/ballots`, { mandateId: u1, choice: "for" })).statusCode).toBe(403);
    const given = await coordinator()("POST", `${base(w)}/${p.id}/proxies`, { fromMandateId: u1, toMandateId: memberSeat });
    expect(given.statusCode, given.body).toBe(200);
    // The body allows one proxy per holder.
    const second = await coordinator()("POST", `${base(w)}/${p.id}/proxies`, { fromMandateId: u2, toMandateId: memberSeat });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/maximum/);
    // A holder who gave a proxy cannot carry one: a vote travels one step only.
    const chain = await coordinator()("POST", `${base(w)}/${p.id}/proxies`, { fromMandateId: u3, toMandateId: u1 });
    expect(chain.statusCode).toBe(409);

    const cast = await member("POST", `${base(w)}/${p.id}/ballots`, { mandateId: u1, choice: "against" });
    expect(cast.statusCode, cast.body).toBe(200);
    expect(cast.json().voters).toContainEqual({ mandateId: u1, castBy: memberSeat });
    await member("POST", `${base(w)}/${p.id}/ballots`, { mandateId: memberSeat, choice: "against" });
    const changed = await member("POST", `${base(w)}/${p.id}/ballots`, { mandateId: memberSeat, choice: "for" });
    expect(changed.json().ballots).toContainEqual({ mandateId: memberSeat, choice: "for" });
    expect(await actionsOf(p.id)).toContain("proposal.proxy");
  });
});

describe("decision by consent", () => {
  it("refuses an objection without argument, adopts once the objection is lifted, and writes the decision", async () => {
    const p = await opened({
      bodyId: steeringId,
      title: "Ouvrir le comité aux habitants",
      text: "Deux places du comité de pilotage sont ouvertes à des habitants tirés au sort.",
      method: "consent",
      rule: null,
      carrierId: circle.carrier,
      facilitatorId: circle.facilitator,
    });
    expect(p.consent?.phase).toBe("clarification");
    const res = await step(p.id, circle.ana, { type: "ask", question: "Pour combien de temps ?" });
    expect(res.json().consent.round.turns).toHaveLength(1);
    await step(p.id, circle.carrier, { type: "answer", turn: 0, answer: "Un an, renouvelable." });
    for (const who of [circle.facilitator, circle.ben, circle.chloe]) await step(p.id, who, { type: "pass" });
    // Only the facilitator closes a round.
    expect((await step(p.id, circle.ana, { type: "close_round" }, 409)).json().message).toBeTruthy();
    await step(p.id, circle.facilitator, { type: "close_round" });
    for (const who of [circle.facilitator, circle.ana, circle.ben, circle.chloe])
      await step(p.id, who, { type: "react", text: "Bonne idée." });
    await step(p.id, circle.facilitator, { type: "close_round" });
    await step(p.id, circle.carrier, {
      type: "amend",
      text: "Deux places sont ouvertes à des habitants volontaires, tirés au sort.",
    });

    const bare = await step(p.id, circle.ana, { type: "object", argument: "  " }, 422);
    expect(Object.keys(bare.json().fields)).toContain("event.argument");
    await step(p.id, circle.ana, {
      type: "object",
      argument: "Le tirage au sort exclut ceux qui ne se portent pas volontaires.",
    });
    for (const who of [circle.facilitator, circle.ben, circle.chloe]) await step(p.id, who, { type: "consent" });
    const resolution = await step(p.id, circle.facilitator, { type: "close_round" });
    expect(resolution.json().consent.phase).toBe("resolution");
    // Nobody concludes while the objection stands, and only its author lifts it.
    await step(p.id, circle.facilitator, { type: "conclude" }, 409);
    await step(p.id, circle.ben, { type: "lift", objection: 1 }, 409);
    await step(p.id, circle.ana, { type: "lift", objection: 1 });
    const adopted = (await step(p.id, circle.facilitator, { type: "conclude" })).json() as Proposal;
    expect(adopted.status).toBe("decided");
    expect(adopted.outcome).toBe("adopted");
    expect(adopted.consent?.objections).toEqual([expect.objectContaining({ id: 1, status: "lifted" })]);

    const [decision] = await t.db.select().from(decisions).where(eq(decisions.proposalId, p.id));
    expect(decision.text).toMatch(/volontaires/);
    expect(decision.resultSummary).toMatch(/consentement/);
    const listed = await as(t.app, w.users.member)("GET", `/api/consortia/${w.consortium.slug}/governance/decisions?q=habitants`);
    expect(listed.json().items.map((d: { id: string }) => d.id)).toContain(decision.id);
    const none = await as(t.app, w.users.member)(
      "GET",
      `/api/consortia/${w.consortium.slug}/governance/decisions?q=photovoltaïque`,
    );
    expect(none.json().total).toBe(0);

    const actions = await actionsOf(p.id);
    expect(actions.filter((a) => a === "proposal.round_close")).toHaveLength(3);
    expect(actions).toEqual(
      expect.arrayContaining(["proposal.consent.object", "proposal.consent.lift", "proposal.consent.conclude"]),
    );
    // Once decided, nothing more is said.
    await step(p.id, circle.ben, { type: "pass" }, 409);
  });
});

describe("decisions in a meeting", () => {
  it("adopts by consent only when the meeting that lists the proposal has its quorum", async () => {
    await t.db
      .update(bodies)
      .set({ quorum: { firstCall: "1/2", secondCall: null, basis: "headcount" } })
      .where(eq(bodies.id, steeringId));
    try {
      const p = await draft({
        bodyId: steeringId,
        title: "Jardin partagé",
        text: "Le comité confie le jardin partagé au groupe des habitants.",
        method: "consent",
        rule: null,
        carrierId: circle.carrier,
        facilitatorId: circle.facilitator,
      });
      const meetings = `/api/consortia/${w.consortium.slug}/governance/meetings`;
      const created = await coordinator()("POST", meetings, {
        bodyId: steeringId,
        title: "Comité de juin",
        start: "2032-06-10T18:00",
        end: "2032-06-10T20:00",
      });
      expect(created.statusCode, created.body).toBe(201);
      const meetingId = created.json().id as string;
      await coordinator()("PUT", `${meetings}/${meetingId}/items`, { items: [{ title: "Jardin", proposalId: p.id }] });
      expect((await coordinator()("POST", `${base(w)}/${p.id}/open`)).statusCode).toBe(200);
      // The carrier answers but takes no turn: the others speak in each round.
      const speakers = [circle.facilitator, circle.ana, circle.ben, circle.chloe];
      for (let round = 0; round < 2; round++) {
        for (const who of speakers) await step(p.id, who, { type: "pass" });
        await step(p.id, circle.facilitator, { type: "close_round" });
      }
      await step(p.id, circle.carrier, { type: "keep" });
      for (const who of speakers) await step(p.id, who, { type: "consent" });
      // Nobody on the sheet: the round cannot end in a decision, and nothing changes.
      const refused = await step(p.id, circle.facilitator, { type: "close_round" }, 409);
      expect(refused.json().message).toMatch(
        /^Quorum non atteint : 0 présent ou représenté sur 5 membres.*La proposition ne peut pas être adoptée à la réunion « Comité de juin »/,
      );
      await coordinator()("PUT", `${meetings}/${meetingId}/attendance`, {
        rows: [circle.carrier, circle.facilitator, circle.ana].map((mandateId) => ({ mandateId, presence: "present" })),
      });
      const adopted = (await step(p.id, circle.facilitator, { type: "close_round" })).json() as Proposal;
      expect(adopted.outcome).toBe("adopted");
    } finally {
      await t.db.update(bodies).set({ quorum: null }).where(eq(bodies.id, steeringId));
    }
  });
});

describe("election without candidates", () => {
  it("refuses an election without role or facilitator, with the field named", async () => {
    const res = await coordinator()("POST", base(w), {
      bodyId: steeringId,
      title: "Trésorier·e",
      text: "Tenir les comptes.",
      method: "election",
      election: { ...electionRole, criteria: [" "], mandateEnd: "2032-01-01" },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(Object.keys(res.json().fields)).toEqual(
      expect.arrayContaining(["facilitatorId", "election.criteria", "election.mandateEnd"]),
    );
  });

  it("takes one argued nomination each, a change, the proposal, an objection met by a condition, then elects", async () => {
    const drafted = await draft({
      bodyId: steeringId,
      title: "Référent·e formation",
      text: "Porter le suivi de la certification partagée.",
      method: "election",
      rule: null,
      facilitatorId: circle.facilitator,
      election: electionRole,
    });
    // A draft shows the role as tabled.
    expect(drafted.election?.role?.criteria).toEqual(electionRole.criteria);
    const p = (await coordinator()("POST", `${base(w)}/${drafted.id}/open`)).json() as Proposal;
    expect(p.election?.phase).toBe("nominations");

    const bare = await elect(p.id, circle.ana, { type: "nominate", nominee: circle.ben, reason: " " }, 422);
    expect(Object.keys(bare.json().fields)).toContain("event.reason");
    await elect(p.id, circle.ana, { type: "nominate", nominee: circle.ben, reason: "Ben suit déjà les formations." });
    await elect(p.id, circle.ana, { type: "nominate", nominee: circle.chloe, reason: "Deuxième bulletin." }, 409);
    await elect(p.id, circle.ben, { type: "nominate", nominee: circle.chloe, reason: "Chloé connaît Qualiopi." });
    await elect(p.id, circle.chloe, { type: "nominate", nominee: circle.ben, reason: "Il a le temps." });
    await elect(p.id, circle.carrier, { type: "nominate", nominee: circle.chloe, reason: "Rigoureuse." });
    // Nominations close only when everyone has filled a ballot: no abstention.
    const early = await elect(p.id, circle.facilitator, { type: "close_nominations" }, 409);
    expect(early.json().message).toMatch(/facilitator Cercle/);
    await elect(p.id, circle.facilitator, { type: "nominate", nominee: circle.ben, reason: "Son expérience." });
    await elect(p.id, circle.facilitator, { type: "close_nominations" });
    await elect(p.id, circle.carrier, { type: "change", nominee: circle.ben, reason: "Convaincue par les raisons de Chloé." });
    await elect(p.id, circle.facilitator, { type: "close_changes" });
    // Only someone with a nomination may be proposed.
    await elect(p.id, circle.facilitator, { type: "propose", nominee: circle.ana }, 409);
    const proposed = (await elect(p.id, circle.facilitator, { type: "propose", nominee: circle.ben })).json() as Proposal;
    expect(proposed.election?.phase).toBe("objections");
    // The proposed person answers last.
    await elect(p.id, circle.ben, { type: "consent" }, 409);
    await elect(p.id, circle.chloe, { type: "object", argument: "Il porte déjà trois mandats." });
    for (const who of [circle.carrier, circle.facilitator, circle.ana]) await elect(p.id, who, { type: "consent" });
    await elect(p.id, circle.ben, { type: "consent" });
    const resolution = (await elect(p.id, circle.facilitator, { type: "close_round" })).json() as Proposal;
    expect(resolution.election?.phase).toBe("resolution");
    await elect(p.id, circle.facilitator, { type: "conclude" }, 409);
    await elect(p.id, circle.facilitator, {
      type: "bonify",
      condition: "Ben quitte le groupe foncier en prenant ce rôle.",
      objections: [1],
    });
    for (const who of [circle.carrier, circle.facilitator, circle.ana, circle.chloe]) await elect(p.id, who, { type: "consent" });
    await elect(p.id, circle.ben, { type: "consent" });
    const done = (await elect(p.id, circle.facilitator, { type: "close_round" })).json() as Proposal;
    expect(done.status).toBe("decided");
    expect(done.outcome).toBe("adopted");
    expect(done.election?.result?.person).toBe(circle.ben);
    expect(done.election?.result?.conditions).toEqual(["Ben quitte le groupe foncier en prenant ce rôle."]);

    const [decision] = await t.db.select().from(decisions).where(eq(decisions.proposalId, p.id));
    expect(decision.method).toBe("élection sans candidat");
    expect(decision.resultSummary).toMatch(
      /^ben Cercle élu·e sans candidat au rôle « Référent·e formation », du 1er janvier 2033 au 31 décembre 2034 \(4 nominations sur 5, 2 tours d'objections ; conditions : Ben quitte/,
    );
    // The elected person holds the role in the body for the mandate described.
    const benPerson = (await t.db.select().from(mandates).where(eq(mandates.id, circle.ben)))[0].personId;
    const held = await t.db
      .select()
      .from(mandates)
      .where(and(eq(mandates.bodyId, steeringId), eq(mandates.personId, benPerson as string), eq(mandates.role, "referent")));
    expect(held.map((m) => [m.title, m.startsOn, m.endsOn])).toEqual([["Référent·e formation", "2033-01-01", "2034-12-31"]]);
    const actions = await actionsOf(p.id);
    expect(actions).toEqual(
      expect.arrayContaining(["proposal.election.nominate", "proposal.election.change", "proposal.election.bonify"]),
    );
    await elect(p.id, circle.ana, { type: "consent" }, 409);
  });

  it("lets a member speak only for their own seat, and the facilitator abandon", async () => {
    const p = await opened({
      bodyId: steeringId,
      title: "Secrétaire de séance",
      text: "Tenir les comptes rendus.",
      method: "election",
      rule: null,
      facilitatorId: circle.facilitator,
      election: { ...electionRole, mandateRole: "secretary" },
    });
    const res = await as(t.app, w.users.member)("POST", `${base(w)}/${p.id}/election`, {
      by: circle.ana,
      event: { type: "nominate", nominee: circle.ben, reason: "Oui." },
    });
    expect(res.statusCode).toBe(403);
    const abandoned = (await elect(p.id, circle.facilitator, { type: "abandon" })).json() as Proposal;
    expect(abandoned.status).toBe("withdrawn");
    expect(abandoned.election?.phase).toBe("abandoned");
  });
});

describe("advice process", () => {
  it("lets the author decide only after the advice asked for is given and answered", async () => {
    const p = await opened({
      bodyId: steeringId,
      title: "Changer de banque",
      text: "Le réseau ouvre son compte dans une banque coopérative.",
      method: "advice",
      rule: null,
      carrierId: circle.carrier,
    });
    const say = (by: string, event: Record<string, unknown>, expected = 200) =>
      coordinator()("POST", `${base(w)}/${p.id}/advice`, { by, event }).then((res) => {
        expect(res.statusCode, res.body).toBe(expected);
        return res;
      });
    await say(circle.carrier, { type: "decide", text: "On change." }, 409);
    // Only the author asks for advice.
    await say(circle.ana, { type: "request", to: circle.ben, kind: "expert" }, 409);
    await say(circle.carrier, { type: "request", to: circle.ben, kind: "expert", due: "2099-12-31" });
    const pending = await say(circle.carrier, { type: "decide", text: "On change." }, 409);
    expect(pending.json().message).toMatch(/cercle|attend|avis/i);
    await say(circle.ben, { type: "give", text: "Vérifier les frais de tenue de compte." });
    await say(circle.carrier, { type: "decide", text: "On change." }, 409);
    await say(circle.carrier, { type: "respond", advice: 1, text: "Comparés : ils sont plus bas." });
    const decided = (await say(circle.carrier, { type: "decide", text: "Le compte est ouvert à la Nef." })).json();
    expect(decided.status).toBe("decided");
    expect(decided.advice.phase).toBe("decided");
    const [decision] = await t.db.select().from(decisions).where(eq(decisions.proposalId, p.id));
    expect(decision.text).toBe("Le compte est ouvert à la Nef.");
    expect(decision.resultSummary).toMatch(/après sollicitation d'avis : 1 avis reçu/);
    expect(await actionsOf(p.id)).toEqual(expect.arrayContaining(["proposal.advice.request", "proposal.advice.decide"]));
  });
});

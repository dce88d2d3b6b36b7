import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, bodies } from "../../src/server/db/schema/index.ts";
import { buildConsortium, buildOrganization, buildPerson, grantAccount } from "../../src/server/seed/factories.ts";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, signUp, type TestApp, type TestUser } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
/** The member user's person (Manon Membre, of member B) and the referent's (Rémi Référent, of member A). */
let memberPerson: { id: string };
let referentPerson: { id: string };
/** A second member, who is not responsible for the member's tasks. */
let otherMember: TestUser;
let otherBodyId: string;
let otherTaskId: string;

type Task = {
  id: string;
  title: string;
  status: string;
  person: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
  points: number;
  skills: string[];
  abilities: Record<string, boolean>;
};

const base = (w: World) => `/api/consortia/${w.consortium.slug}/governance`;
const tasksUrl = (w: World) => `${base(w)}/tasks`;
const coordinator = () => as(t.app, w.users.coordinator);

async function created(body: Record<string, unknown>, user: TestUser = w.users.coordinator): Promise<Task> {
  const res = await as(t.app, user)("POST", tasksUrl(w), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Per matrix: a task made for it, so that no case depends on another's state. */
const made = new Map<string, string>();
async function taskFor(key: string, body: Record<string, unknown> = {}) {
  if (!made.has(key)) made.set(key, (await created({ title: `Tâche ${key}`, ...body })).id);
  return made.get(key) as string;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
  memberPerson = await buildPerson(t.db, {
    consortiumId: w.consortium.id,
    firstName: "Manon",
    lastName: "Membre",
    userId: w.users.member.id,
    skills: ["graphisme"],
    role: { organizationId: w.memberB.id, role: "staff" },
  });
  referentPerson = await buildPerson(t.db, {
    consortiumId: w.consortium.id,
    firstName: "Rémi",
    lastName: "Référent",
    userId: w.users.referentA.id,
    role: { organizationId: w.memberA.id, role: "staff" },
  });
  otherMember = await signUp(t.app, { name: "Marc Membre" });
  await grantAccount(t.db, { consortiumId: w.consortium.id, userId: otherMember.id, role: "member" });
  const [otherBody] = await t.db
    .insert(bodies)
    .values({ consortiumId: w.other.consortium.id, name: "Groupe voisin", kind: "working_group" })
    .returning();
  otherBodyId = otherBody.id;
  const res = await as(t.app, w.users.outsider)("POST", `/api/consortia/${w.other.consortium.slug}/governance/tasks`, {
    title: "Tâche du réseau voisin",
  });
  expect(res.statusCode, res.body).toBe(201);
  otherTaskId = res.json().id;
  // The matrices below read these ids synchronously.
  await taskFor("get");
  await taskFor("patch");
  await taskFor("done", { personId: memberPerson.id, effortHours: 4 });
  await taskFor("reopen", { personId: memberPerson.id });
  await coordinator()("POST", `${tasksUrl(w)}/${made.get("reopen")}/done`);
  await taskFor("cancel");
  await taskFor("delete");
});
afterAll(async () => t?.close());

const ctx = { t: () => t, w: () => w };
const id = (key: string) => made.get(key) as string;
const other = (w: World) => `${tasksUrl(w)}/${otherTaskId}`;

describe("route matrix", () => {
  describeRoute("/governance/tasks", ctx, {
    method: "GET",
    path: (w) => `${tasksUrl(w)}?status=open&page=1`,
    invalid: { path: (w) => `${tasksUrl(w)}?status=bientot`, field: "status" },
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const b = body as { items: Task[]; total: number; choices: { people: unknown[] }; abilities: Record<string, boolean> };
      expect(b.items.every((i) => i.status === "open")).toBe(true);
      expect(b.total).toBeGreaterThan(0);
      expect(b.choices.people.length).toBeGreaterThan(0);
      expect(b.abilities.create).toBe(false);
    },
  });
  describeRoute("/governance/tasks", ctx, {
    method: "POST",
    path: tasksUrl,
    body: (w) => ({
      title: "Monter le dossier de subvention",
      personId: w.personA.id,
      effortHours: 12,
      skills: ["Financements"],
    }),
    invalid: { body: () => ({ title: "  " }), field: "title" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 201,
    check: (body, w) => {
      const b = body as Task;
      expect(b.person?.id).toBe(w.personA.id);
      // Carried for the person's organisation when none is named; 12 h is three half-days.
      expect(b.organization?.id).toBe(w.memberA.id);
      expect(b.points).toBe(3);
    },
  });
  describeRoute("/governance/tasks/:id", ctx, {
    method: "GET",
    path: (w) => `${tasksUrl(w)}/${id("get")}`,
    otherConsortiumPath: other,
    invalid: { path: (w) => `${tasksUrl(w)}/pas-un-uuid`, field: "id" },
    allowedAs: "partner",
    status: 200,
    check: (body) => expect((body as Task).title).toBe("Tâche get"),
  });
  describeRoute("/governance/tasks/:id", ctx, {
    method: "PATCH",
    path: (w) => `${tasksUrl(w)}/${id("patch")}`,
    otherConsortiumPath: other,
    body: () => ({ dueOn: "2031-06-30", skills: ["comptabilité"] }),
    invalid: { body: () => ({ effortHours: -2 }), field: "effortHours" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect((body as Task).skills).toEqual(["comptabilité"]),
  });
  describeRoute("/governance/tasks/:id/done", ctx, {
    method: "POST",
    path: (w) => `${tasksUrl(w)}/${id("done")}/done`,
    otherConsortiumPath: (w) => `${other(w)}/done`,
    forbiddenAs: "partner",
    allowedAs: "member",
    status: 200,
    check: (body) => expect((body as Task).status).toBe("done"),
  });
  describeRoute("/governance/tasks/:id/reopen", ctx, {
    method: "POST",
    path: (w) => `${tasksUrl(w)}/${id("reopen")}/reopen`,
    otherConsortiumPath: (w) => `${other(w)}/reopen`,
    forbiddenAs: "partner",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect((body as Task).status).toBe("open"),
  });
  describeRoute("/governance/tasks/:id/cancel", ctx, {
    method: "POST",
    path: (w) => `${tasksUrl(w)}/${id("cancel")}/cancel`,
    otherConsortiumPath: (w) => `${other(w)}/cancel`,
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect((body as Task).status).toBe("cancelled"),
  });
  describeRoute("/governance/tasks/:id", ctx, {
    method: "DELETE",
    path: (w) => `${tasksUrl(w)}/${id("delete")}`,
    otherConsortiumPath: other,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
  describeRoute("/governance/my-tasks", ctx, {
    method: "GET",
    path: (w) => `${base(w)}/my-tasks`,
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const b = body as { person: { id: string } | null; mine: Task[] };
      expect(b.person?.id).toBe(memberPerson.id);
      expect(b.mine.map((x) => x.title)).toContain("Tâche reopen");
    },
  });
  describeRoute("/governance/workload", ctx, {
    method: "GET",
    path: (w) => `${base(w)}/workload`,
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const b = body as { people: unknown[]; abilities: Record<string, boolean>; settings: { overloadShare: number } };
      expect(b.people.length).toBeGreaterThan(0);
      expect(b.abilities.updateSettings).toBe(false);
      expect(b.settings.overloadShare).toBe(0.4);
    },
  });
  describeRoute("/governance/workload/suggestions", ctx, {
    method: "GET",
    path: (w) => `${base(w)}/workload/suggestions?skills=graphisme&limit=3`,
    invalid: { path: (w) => `${base(w)}/workload/suggestions?limit=0`, field: "limit" },
    allowedAs: "referentA",
    status: 200,
    check: (body) => {
      const b = body as { items: Array<{ personId: string; matched: string[] }> };
      expect(b.items[0].personId).toBe(memberPerson.id);
      expect(b.items[0].matched).toEqual(["graphisme"]);
    },
  });
  describeRoute("/governance/workload/settings", ctx, {
    method: "PUT",
    path: (w) => `${base(w)}/workload/settings`,
    // The defaults again: the other tests of this consortium keep their 40 %.
    body: () => ({ overloadShare: 0.4, idleMonths: 6 }),
    invalid: { body: () => ({ overloadShare: 0.95, idleMonths: 6 }), field: "overloadShare" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect((body as { settings: { idleMonths: number } }).settings.idleMonths).toBe(6),
  });
});

describe("tasks", () => {
  it("refuses, field by field, what is not of this consortium", async () => {
    const res = await coordinator()("POST", tasksUrl(w), {
      title: "Convention de partenariat",
      personId: w.other.person.id,
      organizationId: w.other.member.id,
      bodyId: otherBodyId,
      decisionId: "00000000-0000-4000-8000-000000000000",
    });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields).sort()).toEqual(["bodyId", "decisionId", "organizationId", "personId"]);
  });

  it("lets only the person responsible (or a manager) tick a task done", async () => {
    const task = await created({ title: "Relire la convention", personId: memberPerson.id });
    expect(task.abilities.complete).toBe(true);
    const byOther = await as(t.app, otherMember)("POST", `${tasksUrl(w)}/${task.id}/done`);
    expect(byOther.statusCode).toBe(403);
    const seenByMember = await as(t.app, w.users.member)("GET", `${tasksUrl(w)}/${task.id}`);
    expect(seenByMember.json().abilities).toMatchObject({ complete: true, update: false, delete: false });
    const byMember = await as(t.app, w.users.member)("POST", `${tasksUrl(w)}/${task.id}/done`);
    expect(byMember.statusCode, byMember.body).toBe(200);
    const again = await as(t.app, w.users.member)("POST", `${tasksUrl(w)}/${task.id}/done`);
    expect(again.statusCode).toBe(409);
  });

  it("keeps a referent to their organisation's tasks", async () => {
    const own = await created({ title: "Préparer l'accueil de la tournée" }, w.users.referentA);
    expect(own.organization?.id).toBe(w.memberA.id);
    const ofB = await created({ title: "Inventaire du Hangar", organizationId: w.memberB.id });
    const edit = await as(t.app, w.users.referentA)("PATCH", `${tasksUrl(w)}/${ofB.id}`, { title: "Autre titre" });
    expect(edit.statusCode).toBe(403);
    const forB = await as(t.app, w.users.referentA)("POST", tasksUrl(w), { title: "Pour B", organizationId: w.memberB.id });
    expect(forB.statusCode).toBe(403);
    const handOver = await as(t.app, w.users.referentA)("PATCH", `${tasksUrl(w)}/${own.id}`, { organizationId: w.memberB.id });
    expect(handOver.statusCode).toBe(403);
    const ok = await as(t.app, w.users.referentA)("PATCH", `${tasksUrl(w)}/${own.id}`, {
      personId: w.personA.id,
      effortHours: 6,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("shows each person their tasks, and a referent their organisation's", async () => {
    const mine = await created({ title: "Qualiopi : rassembler les preuves", personId: referentPerson.id });
    const ofA = await created({ title: "Ouvrir l'atelier le samedi", organizationId: w.memberA.id });
    const ofB = await created({ title: "Ranger la réserve", organizationId: w.memberB.id });
    const res = await as(t.app, w.users.referentA)("GET", `${base(w)}/my-tasks`);
    const b = res.json() as { mine: Task[]; organization: { id: string }; ofOrganization: Task[] };
    expect(b.mine.map((x) => x.id)).toContain(mine.id);
    expect(b.organization.id).toBe(w.memberA.id);
    expect(b.ofOrganization.map((x) => x.id)).toContain(ofA.id);
    expect(b.ofOrganization.map((x) => x.id)).not.toContain(ofB.id);
    expect(b.ofOrganization.map((x) => x.id)).not.toContain(mine.id);
    const partner = (await as(t.app, w.users.partner)("GET", `${base(w)}/my-tasks`)).json();
    expect(partner).toMatchObject({ person: null, mine: [], organization: null, ofOrganization: [] });
  });

  it("filters by status, person, organisation and working group, page by page", async () => {
    const [group] = await t.db
      .insert(bodies)
      .values({ consortiumId: w.consortium.id, name: "Groupe de travail formation", kind: "working_group" })
      .returning();
    const a = await created({ title: "Plan de formation", bodyId: group.id, personId: w.personB.id });
    await created({ title: "Catalogue de formation", bodyId: group.id });
    const byBody = (await coordinator()("GET", `${tasksUrl(w)}?bodyId=${group.id}&pageSize=1`)).json();
    expect(byBody.total).toBe(2);
    expect(byBody.items).toHaveLength(1);
    const byPerson = (await coordinator()("GET", `${tasksUrl(w)}?personId=${w.personB.id}`)).json();
    expect(byPerson.items.map((x: Task) => x.id)).toEqual([a.id]);
    const byOrg = (await coordinator()("GET", `${tasksUrl(w)}?organizationId=${w.memberB.id}&status=open`)).json();
    expect(byOrg.items.every((x: Task) => x.organization?.id === w.memberB.id)).toBe(true);
    expect(byOrg.items.map((x: Task) => x.id)).toContain(a.id);
  });

  it("records every change in the activity feed", async () => {
    const task = await created({ title: "Organiser la tournée apprenante" });
    await coordinator()("PATCH", `${tasksUrl(w)}/${task.id}`, { personId: w.personB.id });
    await coordinator()("POST", `${tasksUrl(w)}/${task.id}/done`);
    await coordinator()("POST", `${tasksUrl(w)}/${task.id}/reopen`);
    await coordinator()("POST", `${tasksUrl(w)}/${task.id}/cancel`);
    await coordinator()("DELETE", `${tasksUrl(w)}/${task.id}`);
    const rows = await t.db.select().from(activities).where(eq(activities.subjectId, task.id));
    expect(rows.map((r) => r.action).sort()).toEqual(
      ["task.cancel", "task.create", "task.delete", "task.done", "task.reopen", "task.update"].sort(),
    );
    expect(rows.find((r) => r.action === "task.update")?.summary).toContain("confiée à Hugo Bernard");
    const settings = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.consortiumId, w.consortium.id), eq(activities.action, "governance.workload_settings")));
    expect(settings.length).toBeGreaterThan(0);
  });
});

describe("workload balance", () => {
  /** A small network of its own, so that every figure can be checked by hand. */
  let slug: string;
  let coord: TestUser;
  const ids: Record<string, string> = {};
  const url = () => `/api/consortia/${slug}/governance`;

  type Row = {
    id: string;
    name: string;
    load: number;
    share: number;
    overloaded: boolean;
    byKind: Record<string, { points: number }>;
  };
  type Workload = {
    people: Row[];
    organizations: Row[];
    alerts: Array<{ code: string; scope: string; id: string; message: { fr: string; en: string } }>;
    concentration: { people: { index: number | null; equivalentCarriers: number | null } };
    unassigned: { count: number; points: number };
    suggestions: Array<{ task: { id: string }; people: Array<{ personId: string; reasons: Array<{ fr: string }> }> }>;
  };
  const workload = async (): Promise<Workload> => {
    const res = await as(t.app, coord)("GET", `${url()}/workload`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const c = await buildConsortium(t.db, { name: "Réseau de la charge" });
    slug = c.slug;
    coord = await signUp(t.app, { name: "Cora Coordination" });
    await grantAccount(t.db, { consortiumId: c.id, userId: coord.id, role: "coordinator" });
    for (const key of ["o1", "o2", "o3", "o4"])
      ids[key] = (
        await buildOrganization(t.db, { consortiumId: c.id, name: `Lieu ${key.toUpperCase()}`, joinedOn: "2024-01-01" })
      ).id;
    const person = async (key: string, org: string, skills: string[]) => {
      ids[key] = (
        await buildPerson(t.db, {
          consortiumId: c.id,
          firstName: key.toUpperCase(),
          lastName: "Test",
          skills,
          role: { organizationId: ids[org], role: "staff", since: "2024-01-01" },
        })
      ).id;
    };
    await person("p1", "o1", ["comptabilité"]);
    await person("p2", "o2", ["Menuiserie", "graphisme"]);
    await person("p3", "o3", ["Graphisme"]);
    const task = async (body: Record<string, unknown>) => {
      const res = await as(t.app, coord)("POST", `${url()}/tasks`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // P1: three tasks of 8 h (6 points); P2: two of 4 h (2 points); P3: one of 4 h (1 point).
    for (const title of ["Dossier de subvention", "Bilan financier", "Budget prévisionnel"])
      await task({ title, personId: ids.p1, effortHours: 8 });
    await task({ title: "Étagères de la réserve", personId: ids.p2, effortHours: 4 });
    await task({ title: "Signalétique", personId: ids.p2, effortHours: 4 });
    await task({ title: "Affiche de la fête", personId: ids.p3, effortHours: 4 });
    ids.open = await task({ title: "Maquette du programme", skills: ["graphisme"], effortHours: 8 });
  });

  it("alerts when one person carries more than 40 %, and says so in French and English", async () => {
    const wl = await workload();
    const p1 = wl.people.find((r) => r.id === ids.p1) as Row;
    expect(p1.load).toBe(6);
    expect(p1.share).toBeCloseTo(6 / 9);
    expect(p1.overloaded).toBe(true);
    expect(p1.byKind.task.points).toBe(6);
    const alert = wl.alerts.find((a) => a.code === "carries_too_much" && a.id === ids.p1);
    expect(alert?.scope).toBe("person");
    expect(alert?.message.fr).toContain("P1 Test porte 66,7");
    expect(alert?.message.en).toContain("P1 Test carries 66.7%");
    expect(wl.alerts.some((a) => a.code === "carries_too_much" && a.id === ids.o1)).toBe(true);
    expect(wl.unassigned).toEqual({ count: 1, points: 2 });
    // H = (36 + 4 + 1) / 81 over three people: as if carried by 81/41 ≈ 1.98 people.
    expect(wl.concentration.people.equivalentCarriers).toBeCloseTo(81 / 41);
    expect(wl.concentration.people.index).toBeGreaterThan(0);
    expect(wl.concentration.people.index).toBeLessThan(1);
  });

  it("flags a member that has carried nothing for months", async () => {
    const wl = await workload();
    const idle = wl.alerts.find((a) => a.code === "carries_nothing" && a.id === ids.o4);
    expect(idle?.message.fr).toContain("Lieu O4 n'a rien porté depuis au moins 6 mois");
    expect(wl.alerts.some((a) => a.code === "carries_nothing" && a.id === ids.o1)).toBe(false);
  });

  it("suggests people with the skills first, then the lightest load", async () => {
    const wl = await workload();
    const s = wl.suggestions.find((x) => x.task.id === ids.open);
    // P3 and P2 both have « graphisme » (whatever the case); P3 carries less. P1 has none of it.
    expect(s?.people.map((p) => p.personId)).toEqual([ids.p3, ids.p2, ids.p1]);
    expect(s?.people[0].reasons[0].fr).toContain("graphisme");
    const live = (await as(t.app, coord)("GET", `${url()}/workload/suggestions?skills=comptabilit%C3%A9`)).json();
    expect(live.items[0].personId).toBe(ids.p1);
  });

  it("follows the settings: a higher threshold silences the alert, a longer idle period too", async () => {
    const res = await as(t.app, coord)("PUT", `${url()}/workload/settings`, { overloadShare: 0.7, idleMonths: 60 });
    expect(res.statusCode, res.body).toBe(200);
    const wl = res.json() as Workload;
    expect(wl.alerts.filter((a) => a.code === "carries_too_much")).toEqual([]);
    // O4 joined in January 2024: within 60 months, it is not idle yet.
    expect(wl.alerts.filter((a) => a.code === "carries_nothing")).toEqual([]);
    const back = await as(t.app, coord)("PUT", `${url()}/workload/settings`, { overloadShare: 0.4, idleMonths: 6 });
    expect((back.json() as Workload).alerts.some((a) => a.id === ids.p1)).toBe(true);
  });

  it("stops counting a task once it is done or cancelled", async () => {
    const before = (await workload()).people.find((r) => r.id === ids.p3) as Row;
    const res = await as(t.app, coord)("POST", `${url()}/tasks`, { title: "Tract", personId: ids.p3, effortHours: 40 });
    const heavy = (await workload()).people.find((r) => r.id === ids.p3) as Row;
    expect(heavy.load).toBe(before.load + 10);
    await as(t.app, coord)("POST", `${url()}/tasks/${res.json().id}/done`);
    const after = (await workload()).people.find((r) => r.id === ids.p3) as Row;
    expect(after.load).toBe(before.load);
  });
});

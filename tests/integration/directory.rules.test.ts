import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, organizations, people } from "../../src/server/db/schema/index.ts";
import { buildPerson } from "../../src/server/seed/factories.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
});
afterAll(() => t.close());
const c = () => `/api/consortia/${w.consortium.slug}`;

describe("French search", () => {
  it("finds accented words without accents and singulars from plurals", async () => {
    await as(t.app, w.users.coordinator)("POST", `${c()}/places`, {
      organizationId: w.memberB.id,
      name: "Maison des résidence d'artistes",
      description: "Une résidence de création ouverte aux compagnies",
    });
    const q = (text: string) => as(t.app, w.users.member)("GET", `${c()}/search?q=${encodeURIComponent(text)}`);
    const economie = (await q("economie")).json();
    expect(economie.hits.map((h: { title: string }) => h.title)).toContain("La Fabrique des Économies");
    const residences = (await q("résidences")).json();
    expect(residences.hits.map((h: { type: string }) => h.type)).toContain("place");
    const none = (await q("zeppelin")).json();
    expect(none.hits).toEqual([]);
  });

  it("never returns another consortium's objects", async () => {
    const res = (await as(t.app, w.users.coordinator)("GET", `${c()}/search?q=voisin`)).json();
    expect(res.hits).toEqual([]);
  });

  it("searches people by skill and paginates", async () => {
    for (let i = 0; i < 5; i++) {
      await buildPerson(t.db, {
        consortiumId: w.consortium.id,
        lastName: `Soudeur ${i}`,
        skills: ["soudure à l'arc"],
        role: { organizationId: w.memberB.id, role: "resident" },
      });
    }
    const page1 = (await as(t.app, w.users.member)("GET", `${c()}/people?q=soudures&pageSize=2&page=1`)).json();
    const page3 = (await as(t.app, w.users.member)("GET", `${c()}/people?q=soudures&pageSize=2&page=3`)).json();
    expect(page1.total).toBe(5);
    expect(page1.items).toHaveLength(2);
    expect(page3.items).toHaveLength(1);
    const byOrg = (await as(t.app, w.users.member)("GET", `${c()}/people?organizationId=${w.memberA.id}`)).json();
    expect(byOrg.items.map((p: { lastName: string }) => p.lastName)).toEqual(["Moreau"]);
  });
});

describe("membership over time", () => {
  it("keeps history when a member leaves and refuses overlapping periods", async () => {
    const post = as(t.app, w.users.coordinator);
    const created = (
      await post("POST", `${c()}/organizations`, { kind: "member", name: "Recyclerie du Val", joinedOn: "2023-03-01" })
    ).json();
    const left = await post("POST", `${c()}/organizations/${created.id}/leave`, { leftOn: "2025-06-30" });
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ isCurrentMember: false, periods: [{ joinedOn: "2023-03-01", leftOn: "2025-06-30" }] });
    const overlap = await post("POST", `${c()}/organizations/${created.id}/join`, { joinedOn: "2025-01-01" });
    expect(overlap.statusCode).toBe(409);
    const rejoin = await post("POST", `${c()}/organizations/${created.id}/join`, { joinedOn: "2026-01-01" });
    expect(rejoin.json().periods).toHaveLength(2);
    expect(rejoin.json().isCurrentMember).toBe(true);
  });

  it("ends running mandates with the membership and leaves ended ones as they were", async () => {
    const post = as(t.app, w.users.coordinator);
    const org = (
      await post("POST", `${c()}/organizations`, { kind: "member", name: "Atelier du Pont", joinedOn: "2022-01-01" })
    ).json();
    const p1 = await buildPerson(t.db, { consortiumId: w.consortium.id, role: { organizationId: org.id, role: "staff" } });
    const p2 = await buildPerson(t.db, { consortiumId: w.consortium.id, role: { organizationId: org.id, role: "staff" } });
    const first = (
      await post("POST", `${c()}/organizations/${org.id}/representatives`, { personId: p1.id, since: "2022-01-01" })
    ).json();
    await post("POST", `${c()}/organizations/${org.id}/representatives/${first.representatives[0].id}/end`, {
      until: "2023-01-01",
    });
    await post("POST", `${c()}/organizations/${org.id}/representatives`, { personId: p2.id, since: "2023-01-01" });
    const left = (await post("POST", `${c()}/organizations/${org.id}/leave`, { leftOn: "2025-09-01" })).json();
    expect(left.representatives.map((r: { until: string }) => r.until)).toEqual(["2023-01-01", "2025-09-01"]);
  });

  it("refuses a second running mandate for the same person", async () => {
    const res = await as(t.app, w.users.coordinator)("POST", `${c()}/organizations/${w.memberA.id}/representatives`, {
      personId: w.personA.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/représente déjà/);
  });

  it("refuses an exit before the entry", async () => {
    const res = await as(t.app, w.users.coordinator)("POST", `${c()}/organizations/${w.memberB.id}/leave`, {
      leftOn: "2020-01-01",
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.leftOn).toMatch(/2024-01-01/);
  });

  it("does not let the carrier leave while it carries the consortium", async () => {
    const carrierMember = await as(t.app, w.users.coordinator)("POST", `${c()}/organizations`, {
      kind: "member",
      name: "Chef de file",
    });
    const id = carrierMember.json().id;
    const patch = await as(t.app, w.users.coordinator)("PATCH", c(), { carrierModel: "member-lead", carrierOrganizationId: id });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().carrier.name).toBe("Chef de file");
    const leave = await as(t.app, w.users.coordinator)("POST", `${c()}/organizations/${id}/leave`, { leftOn: "2030-01-01" });
    expect(leave.statusCode).toBe(409);
    // A partner cannot be chef de file; an external carrier must be of kind carrier.
    const bad = await as(t.app, w.users.coordinator)("PATCH", c(), {
      carrierModel: "member-lead",
      carrierOrganizationId: w.partner.id,
    });
    expect(bad.statusCode).toBe(422);
    const bad2 = await as(t.app, w.users.coordinator)("PATCH", c(), {
      carrierModel: "external-carrier",
      carrierOrganizationId: id,
    });
    expect(bad2.json().fields.carrierOrganizationId).toMatch(/porteuse/);
    const back = await as(t.app, w.users.coordinator)("PATCH", c(), {
      carrierModel: "external-carrier",
      carrierOrganizationId: w.carrier.id,
    });
    expect(back.json().carrierModel).toBe("external-carrier");
  });
});

describe("people and their contact", () => {
  it("hides contact details according to the person's choice", async () => {
    const p = await buildPerson(t.db, {
      consortiumId: w.consortium.id,
      email: "discrete@exemple.fr",
      phone: "06 00 00 00 00",
      contactVisibility: "private",
      role: { organizationId: w.memberB.id, role: "resident" },
    });
    const asMember = (await as(t.app, w.users.member)("GET", `${c()}/people/${p.id}`)).json();
    expect(asMember).toMatchObject({ email: null, phone: null, contactHidden: true });
    const asCoordinator = (await as(t.app, w.users.coordinator)("GET", `${c()}/people/${p.id}`)).json();
    expect(asCoordinator.email).toBe("discrete@exemple.fr");
  });

  it("lets a person edit their own record but not someone else's", async () => {
    const mine = await buildPerson(t.db, {
      consortiumId: w.consortium.id,
      userId: w.users.member.id,
      role: { organizationId: w.memberB.id, role: "user" },
    });
    const own = await as(t.app, w.users.member)("PATCH", `${c()}/people/${mine.id}`, { needs: "Un local pour stocker du bois" });
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities).toMatchObject({ update: true, delete: false });
    const other = await as(t.app, w.users.member)("PATCH", `${c()}/people/${w.personA.id}`, { needs: "x" });
    expect(other.statusCode).toBe(403);
  });

  it("ends a role instead of deleting it", async () => {
    const p = (await as(t.app, w.users.coordinator)("GET", `${c()}/people/${w.personA.id}`)).json();
    const roleId = p.roles[0].id;
    const ended = (await as(t.app, w.users.coordinator)("POST", `${c()}/people/${w.personA.id}/roles/${roleId}/end`)).json();
    expect(ended.roles.find((r: { id: string }) => r.id === roleId).until).not.toBeNull();
  });
});

describe("validation messages", () => {
  it("are French by default and English for a client that asks for English", async () => {
    const body = { kind: "member", name: "", siret: "12345678900000" };
    const url = `${c()}/organizations`;
    const fr = await t.app.inject({ method: "POST", url, payload: body, headers: { cookie: w.users.coordinator.cookie } });
    expect(fr.json().fields).toMatchObject({ name: "Ce champ est obligatoire", siret: expect.stringMatching(/SIRET invalide/) });
    const en = await t.app.inject({
      method: "POST",
      url,
      payload: body,
      headers: { cookie: w.users.coordinator.cookie, "accept-language": "en-GB,en;q=0.9" },
    });
    expect(en.statusCode).toBe(422);
    expect(en.json()).toMatchObject({
      message: "Some fields are invalid.",
      fields: { name: "This field is required", siret: expect.stringMatching(/Invalid SIRET/) },
    });
    // The switch does not leak: the next French request is French again.
    const again = await t.app.inject({ method: "POST", url, payload: body, headers: { cookie: w.users.coordinator.cookie } });
    expect(again.json().fields.name).toBe("Ce champ est obligatoire");
  });
});

describe("writes are whole and recorded", () => {
  it("records an activity for each mutation, readable by coordinators only", async () => {
    await as(t.app, w.users.referentA)("PATCH", `${c()}/places/${w.placeA.id}`, { name: "Atelier partagé du centre" });
    const rows = await t.db.select().from(activities).where(eq(activities.subjectId, w.placeA.id));
    expect(rows.map((r) => r.action)).toContain("place.update");
    const feed = await as(t.app, w.users.coordinator)("GET", `${c()}/activity?pageSize=5`);
    expect(feed.json().items[0].summary).toMatch(/Atelier partagé du centre/);
    expect((await as(t.app, w.users.member)("GET", `${c()}/activity`)).statusCode).toBe(403);
  });

  it("leaves nothing behind when a creation fails half-way", async () => {
    const before = await t.db.select().from(people).where(eq(people.consortiumId, w.consortium.id));
    // The role's organisation belongs to another consortium: refused before any write.
    const res = await as(t.app, w.users.coordinator)("POST", `${c()}/people`, {
      firstName: "Zoé",
      lastName: "Nulle-part",
      role: { organizationId: w.other.member.id, role: "staff" },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields["role.organizationId"]).toBeDefined();
    const after = await t.db.select().from(people).where(eq(people.consortiumId, w.consortium.id));
    expect(after).toHaveLength(before.length);
  });

  it("refuses an impossible date before writing anything", async () => {
    const count = async () =>
      (await t.db.select().from(organizations).where(eq(organizations.consortiumId, w.consortium.id))).length;
    const before = await count();
    const res = await as(t.app, w.users.coordinator)("POST", `${c()}/organizations`, {
      kind: "member",
      name: "Date folle",
      joinedOn: "2025-02-30",
    });
    expect(res.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });
});

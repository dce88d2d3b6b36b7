import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeRoute } from "../helpers/route-matrix.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.app, t.db);
});
afterAll(() => t.close());
const ctx = { t: () => t, w: () => w };
const c = (w: World) => `/api/consortia/${w.consortium.slug}`;

describe("consortium routes", () => {
  describeRoute("consortia/:slug", ctx, {
    method: "GET",
    path: (w) => c(w),
    allowedAs: "partner",
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        carrierModel: "external-carrier",
        carrier: { name: "SCIC Les Liens" },
        counts: { members: 2, places: 2, partners: 1 },
        myRole: "partner",
        abilities: { update: false, invite: false },
      }),
  });
  describeRoute("consortia/:slug (update)", ctx, {
    method: "PATCH",
    path: (w) => c(w),
    body: () => ({ territory: "Val de Drôme", scale: "bassin_de_vie" }),
    invalid: { body: () => ({ scale: "planète" }), field: "scale" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect(body).toMatchObject({ territory: "Val de Drôme", scale: "bassin_de_vie" }),
  });
  describeRoute("consortia/:slug/activity", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/activity`,
    invalid: { path: (w) => `${c(w)}/activity?page=0`, field: "page" },
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("consortia/:slug/accounts", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/accounts`,
    allowedAs: "member",
    status: 200,
    check: (body) => {
      const list = body as { role: string; email: string }[];
      expect(list).toHaveLength(4);
      // Members see who has access, not their e-mail addresses.
      expect(list.filter((a) => a.role === "coordinator")[0].email).toBe("");
    },
  });
  describeRoute("consortia/:slug/accounts/:userId", ctx, {
    method: "PATCH",
    path: (w) => `${c(w)}/accounts/${w.users.member.id}`,
    otherConsortiumPath: (w) => `${c(w)}/accounts/${w.users.outsider.id}`,
    body: (w) => ({ role: "referent", organizationId: w.memberB.id }),
    invalid: { body: () => ({ role: "referent" }), field: "organizationId" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 200,
    check: (body) => expect(body).toMatchObject({ role: "referent", organizationName: "Le Hangar" }),
  });
  describeRoute("consortia/:slug/invitations", ctx, {
    method: "POST",
    path: (w) => `${c(w)}/invitations`,
    body: () => ({ email: "nouvelle@exemple.fr", role: "member" }),
    invalid: { body: () => ({ email: "pas-un-email", role: "member" }), field: "email" },
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 201,
    check: (body) => expect(body).toMatchObject({ email: "nouvelle@exemple.fr", status: "pending" }),
  });
  describeRoute("consortia/:slug/invitations (list)", ctx, {
    method: "GET",
    path: (w) => `${c(w)}/invitations`,
    forbiddenAs: "member",
    allowedAs: "coordinator",
    status: 200,
  });
  describeRoute("consortia/:slug/accounts/:userId (remove)", ctx, {
    method: "DELETE",
    path: (w) => `${c(w)}/accounts/${w.users.partner.id}`,
    otherConsortiumPath: (w) => `${c(w)}/accounts/${w.users.outsider.id}`,
    forbiddenAs: "referentA",
    allowedAs: "coordinator",
    status: 204,
  });
});

describe("creating a consortium", () => {
  it("needs a session and valid fields", async () => {
    const body = {
      name: "Réseau",
      slug: "reseau",
      territory: "Diois",
      scale: "commune",
      carrierModel: "member-lead",
      carrier: { name: "Le Lieu" },
    };
    expect((await as(t.app, null)("POST", "/api/consortia", body)).statusCode).toBe(401);
    const bad = await as(t.app, w.users.outsider)("POST", "/api/consortia", { ...body, slug: "A B", carrier: { name: "" } });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(["slug", "carrier.name"]));
  });

  it("with a chef de file: the carrier is the first member and the creator coordinates", async () => {
    const u = w.users.outsider;
    const res = await as(t.app, u)("POST", "/api/consortia", {
      name: "Tiers-lieux du Diois",
      slug: "diois",
      territory: "Diois",
      scale: "bassin_de_vie",
      carrierModel: "member-lead",
      carrier: { name: "La Gare à Coulisses", legalForm: "Association", siret: "732 829 320 00074" },
    });
    expect(res.statusCode).toBe(201);
    const dto = (await as(t.app, u)("GET", "/api/consortia/diois")).json();
    expect(dto).toMatchObject({
      carrierModel: "member-lead",
      carrier: { name: "La Gare à Coulisses" },
      counts: { members: 1 },
      myRole: "coordinator",
    });
    const orgs = (await as(t.app, u)("GET", "/api/consortia/diois/organizations")).json();
    expect(orgs[0]).toMatchObject({ kind: "member", isCarrier: true, isCurrentMember: true, siret: "73282932000074" });
    const taken = await as(t.app, u)("POST", "/api/consortia", {
      name: "X",
      slug: "diois",
      territory: "X",
      scale: "commune",
      carrierModel: "member-lead",
      carrier: { name: "Y" },
    });
    expect(taken.json().fields.slug).toBeDefined();
  });

  it("with an external carrier: the SCIC is not counted as a member", async () => {
    const u = w.users.outsider;
    await as(t.app, u)("POST", "/api/consortia", {
      name: "Réseau SCIC",
      slug: "reseau-scic",
      territory: "Vercors",
      scale: "departement",
      carrierModel: "external-carrier",
      carrier: { name: "SCIC Tiers-Lieux Vercors", legalForm: "SCIC SAS" },
    });
    const dto = (await as(t.app, u)("GET", "/api/consortia/reseau-scic")).json();
    expect(dto).toMatchObject({ carrierModel: "external-carrier", counts: { members: 0 } });
    const me = (await as(t.app, u)("GET", "/api/me")).json();
    expect(me.consortia.map((x: { slug: string }) => x.slug)).toEqual(expect.arrayContaining(["diois", "reseau-scic"]));
  });
});

describe("invitations", () => {
  const lastMailTo = async (email: string) => {
    const outbox = (await as(t.app, w.users.admin)("GET", "/api/admin/outbox")).json();
    return outbox.find((m: { to: string }) => m.to === email);
  };

  it("sends a link through the outbox that the invited person accepts", async () => {
    const invite = await as(t.app, w.users.coordinator)("POST", `${c(w)}/invitations`, {
      email: "rita@exemple.fr",
      role: "referent",
      organizationId: w.memberB.id,
    });
    expect(invite.statusCode).toBe(201);
    const mail = await lastMailTo("rita@exemple.fr");
    expect(mail.subject).toMatch(/Réseau des Lieux Vivants/);
    const token = /invitation\/([\w-]+)/.exec(mail.text)?.[1] as string;
    const preview = (await as(t.app, null)("GET", `/api/invitations/${token}`)).json();
    expect(preview).toMatchObject({ email: "rita@exemple.fr", role: "referent", status: "pending" });

    expect((await as(t.app, null)("POST", `/api/invitations/${token}/accept`)).statusCode).toBe(401);
    expect((await as(t.app, null)("GET", "/api/invitations/short")).statusCode).toBe(422);
    expect((await as(t.app, null)("GET", `/api/invitations/${"x".repeat(32)}`)).statusCode).toBe(404);
    const stranger = await import("../helpers/test-app.ts").then((m) => m.signUp(t.app, { email: "autre@exemple.fr" }));
    const wrong = await as(t.app, stranger)("POST", `/api/invitations/${token}/accept`);
    expect(wrong.statusCode).toBe(403);

    const rita = await import("../helpers/test-app.ts").then((m) => m.signUp(t.app, { email: "rita@exemple.fr", name: "Rita" }));
    const ok = await as(t.app, rita)("POST", `/api/invitations/${token}/accept`);
    expect(ok.json()).toEqual({ slug: w.consortium.slug });
    const dto = (await as(t.app, rita)("GET", c(w))).json();
    expect(dto.myRole).toBe("referent");
    const again = await as(t.app, rita)("POST", `/api/invitations/${token}/accept`);
    expect(again.statusCode).toBe(409);
  });

  it("refuses a referent without an organisation and a revoked link", async () => {
    const bad = await as(t.app, w.users.coordinator)("POST", `${c(w)}/invitations`, {
      email: "x@exemple.fr",
      role: "partner",
      organizationId: w.memberA.id,
    });
    expect(bad.json().fields.organizationId).toMatch(/partenaire/);
    const inv = (
      await as(t.app, w.users.coordinator)("POST", `${c(w)}/invitations`, { email: "y@exemple.fr", role: "member" })
    ).json();
    const token = /invitation\/([\w-]+)/.exec((await lastMailTo("y@exemple.fr")).text)?.[1];
    expect((await as(t.app, w.users.coordinator)("DELETE", `${c(w)}/invitations/${inv.id}`)).statusCode).toBe(204);
    const preview = (await as(t.app, null)("GET", `/api/invitations/${token}`)).json();
    expect(preview.status).toBe("revoked");
    expect((await as(t.app, w.users.outsider)("DELETE", `${c(w)}/invitations/${inv.id}`)).statusCode).toBe(404);
  });

  it("keeps the last coordinator", async () => {
    const res = await as(t.app, w.users.coordinator)("PATCH", `${c(w)}/accounts/${w.users.coordinator.id}`, { role: "member" });
    expect(res.statusCode).toBe(409);
  });
});

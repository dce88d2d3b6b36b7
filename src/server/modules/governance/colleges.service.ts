import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  AssociateDto,
  AssociateInput,
  AssociateListDto,
  CollegeStatuteInput,
  CollegesDto,
  SharesDto,
  UpdateAssociateInput,
} from "../../../shared/contracts/governance.ts";
import { type CollegeStatute, validateAssociates, validateColleges } from "../../../shared/governance/colleges.ts";
import { parseFraction, toText } from "../../../shared/governance/fraction.ts";
import { describeIssue, percent } from "../../../shared/governance/labels.ts";
import { associates, colleges, governanceSettings } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import { governancePolicy } from "../../policies/governance.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { findCollege, findOrganization, findPerson } from "./bodies.queries.ts";
import { presentAssociate, presentColleges, presentShares, rulesAssociates, statuteOf } from "./colleges.presenter.ts";
import * as q from "./colleges.queries.ts";

const euros = (cents: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: cents % 100 ? 2 : 0 }).format(
    cents / 100,
  );

// ---------------------------------------------------------------- colleges

export async function getColleges(ctx: Ctx): Promise<CollegesDto> {
  const [weighting, rows, register] = await Promise.all([
    q.weightingOf(ctx.db, ctx.consortium.id),
    q.collegesOf(ctx.db, ctx.consortium.id),
    q.associatesOf(ctx.db, ctx.consortium.id),
  ]);
  return presentColleges(ctx, weighting, rows, register);
}

/**
 * Replaces the college statute as a whole, checked by validateColleges: with weights set, 3 to 10 colleges
 * (COL-05), each between 10 % and 50 % (COL-04), together 100 %. Every problem is answered at once, each
 * next to its college, and nothing is written. A college that still has associates cannot be removed: they
 * would lose their vote (COL-06).
 */
export async function replaceColleges(ctx: Ctx, f: z.output<typeof CollegeStatuteInput>): Promise<CollegesDto> {
  authorize(governancePolicy.manageColleges(ctx.actor, null));
  const [existing, register] = await Promise.all([
    q.collegesOf(ctx.db, ctx.consortium.id),
    q.associatesOf(ctx.db, ctx.consortium.id),
  ]);
  const fields: Record<string, string> = {};
  const note = (key: string, message: string) => {
    fields[key] = fields[key] ? `${fields[key]} ${message}` : message;
  };
  f.colleges.forEach((c, i) => {
    if (c.id && !existing.some((e) => e.id === c.id)) note(`colleges.${i}.id`, "Collège introuvable dans ce consortium");
  });
  const statute: CollegeStatute = {
    weighting: f.weighting,
    colleges: f.colleges.map((c, i) => ({
      id: c.id ?? `new-${i}`,
      name: c.name,
      weight: c.weight === "" ? null : (c.weight ?? null),
    })),
  };
  const issues = validateColleges(statute);
  const sentences = issues.map((i) => describeIssue(i, "fr"));
  issues.forEach((issue, n) => {
    const index = statute.colleges.findIndex((c) => c.name === issue.params.college || c.id === issue.params.college);
    const at = issue.code === "college_name_missing" ? Number(issue.params.index) - 1 : index;
    const leaf = issue.code === "college_name_missing" || issue.code === "college_duplicate_id" ? "name" : "weight";
    note(at >= 0 ? `colleges.${at}.${leaf}` : "colleges", sentences[n]);
  });
  if (Object.keys(fields).length) throw invalid(fields, sentences.join(" ") || "Certains champs sont invalides.");

  const kept = new Set(f.colleges.flatMap((c) => (c.id ? [c.id] : [])));
  const removed = existing.filter((e) => !kept.has(e.id));
  for (const c of removed) {
    const members = register.filter((a) => a.collegeId === c.id).length;
    if (members > 0)
      throw conflict(
        `Le collège ${c.name} compte encore ${members} associé${members > 1 ? "s" : ""} : rattachez-les à un autre collège avant de le retirer.`,
      );
  }
  const weightOf = (text: string | null | undefined) => {
    if (f.weighting !== "set" || !text) return null;
    const w = parseFraction(text);
    return w ? toText(w) : null;
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(governanceSettings)
      .values({ consortiumId: ctx.consortium.id, collegeWeighting: f.weighting })
      .onConflictDoUpdate({
        target: governanceSettings.consortiumId,
        set: { collegeWeighting: f.weighting, updatedAt: ctx.now },
      });
    if (removed.length)
      await tx.delete(colleges).where(
        and(
          eq(colleges.consortiumId, ctx.consortium.id),
          inArray(
            colleges.id,
            removed.map((c) => c.id),
          ),
        ),
      );
    for (const [position, c] of f.colleges.entries()) {
      const values = { name: c.name, description: c.description ?? null, weight: weightOf(c.weight), position };
      if (c.id)
        await tx
          .update(colleges)
          .set({ ...values, updatedAt: ctx.now })
          .where(eq(colleges.id, c.id));
      else await tx.insert(colleges).values({ consortiumId: ctx.consortium.id, ...values });
    }
    const described =
      f.weighting === "none"
        ? "sans pondération (un associé, une voix)"
        : f.weighting === "equal"
          ? "à parts égales"
          : f.colleges.map((c) => `${c.name} ${percent(weightOf(c.weight) ?? "0", "fr")}`).join(", ");
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "colleges.replace",
      subjectType: "consortium",
      subjectId: ctx.consortium.id,
      summary: `${ctx.user.name} fixe les collèges de vote : ${f.colleges.length} collège(s), ${described}`,
      data: {
        weighting: f.weighting,
        colleges: f.colleges.map((c) => ({ name: c.name, weight: weightOf(c.weight) })),
        removed: removed.map((c) => c.name),
      },
    });
  });
  return getColleges(ctx);
}

// ---------------------------------------------------------------- associates

export async function listAssociates(ctx: Ctx): Promise<AssociateListDto> {
  const register = await q.associatesOf(ctx.db, ctx.consortium.id);
  return {
    items: register.map((a) => presentAssociate(ctx, a)),
    abilities: { create: governancePolicy.manageAssociates(ctx.actor, null) },
  };
}

type Change = { id: string; name: string; collegeId: string | null; capitalCents: number; publicTerritorial: boolean };

/**
 * The register after a change must still keep public capital within its cap (SCIC-03) and give every associate
 * a college when colleges vote (COL-06); only the changed associate is held to the latter, so an old register
 * can still be mended one associate at a time.
 */
async function checkRegister(ctx: Ctx, next: Change[], changed: string | null, field: "capitalCents" | null) {
  const [weighting, rows] = await Promise.all([
    q.weightingOf(ctx.db, ctx.consortium.id),
    q.collegesOf(ctx.db, ctx.consortium.id),
  ]);
  const issues = validateAssociates(statuteOf(weighting, rows), rulesAssociates(next)).filter(
    (i) =>
      i.code === "public_capital_above_cap" ||
      (changed !== null && i.params.associate === next.find((a) => a.id === changed)?.name),
  );
  if (issues.length === 0) return;
  const withoutCollege = issues.find((i) => i.code === "associate_without_college");
  if (withoutCollege) throw invalid({ collegeId: describeIssue(withoutCollege, "fr") }, describeIssue(withoutCollege, "fr"));
  const sentence = describeIssue(issues[0], "fr");
  if (field) throw invalid({ [field]: sentence }, sentence);
  throw new AppError("CONFLICT", sentence);
}

async function loadAssociate(ctx: Ctx, id: string) {
  const register = await q.associatesOf(ctx.db, ctx.consortium.id);
  const associate = register.find((a) => a.id === id);
  if (!associate) throw notFound("Associé");
  return { register, associate };
}

/** Adds an associate to the register: an organisation or a person of the consortium, in one college. */
export async function addAssociate(ctx: Ctx, f: z.output<typeof AssociateInput>): Promise<AssociateDto> {
  authorize(governancePolicy.manageAssociates(ctx.actor, null));
  const fields: Record<string, string> = {};
  if (f.organizationId && !(await findOrganization(ctx.db, ctx.consortium.id, f.organizationId)))
    fields.organizationId = "Structure introuvable dans ce consortium";
  if (f.personId && !(await findPerson(ctx.db, ctx.consortium.id, f.personId)))
    fields.personId = "Personne introuvable dans ce consortium";
  if (f.collegeId && !(await findCollege(ctx.db, ctx.consortium.id, f.collegeId)))
    fields.collegeId = "Collège introuvable dans ce consortium";
  if (Object.keys(fields).length) throw invalid(fields);
  if (await q.findAssociateOf(ctx.db, ctx.consortium.id, f)) throw conflict("Cet associé figure déjà au registre.");
  const register = await q.associatesOf(ctx.db, ctx.consortium.id);
  const draft: Change = {
    id: "new",
    name: "Cet associé",
    collegeId: f.collegeId ?? null,
    capitalCents: f.capitalCents,
    publicTerritorial: f.publicTerritorial,
  };
  await checkRegister(ctx, [...register, draft], "new", "capitalCents");
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(associates)
      .values({
        consortiumId: ctx.consortium.id,
        organizationId: f.organizationId ?? null,
        personId: f.personId ?? null,
        collegeId: f.collegeId ?? null,
        capitalCents: f.capitalCents,
        publicTerritorial: f.publicTerritorial,
        joinedOn: f.joinedOn ?? null,
      })
      .returning({ id: associates.id });
    const named = (await q.associatesOf(tx, ctx.consortium.id)).find((a) => a.id === row.id);
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "associate.add",
      subjectType: "associate",
      subjectId: row.id,
      summary: `${ctx.user.name} inscrit ${named?.name ?? "un associé"} au registre des associés (${euros(f.capitalCents)}${named?.collegeName ? `, collège ${named.collegeName}` : ""})`,
    });
    return row.id;
  });
  return presentAssociate(ctx, (await loadAssociate(ctx, id)).associate);
}

/** Changes an associate's capital, college or public status, within the same checks as an addition. */
export async function updateAssociate(ctx: Ctx, id: string, f: z.output<typeof UpdateAssociateInput>): Promise<AssociateDto> {
  const { register, associate } = await loadAssociate(ctx, id);
  authorize(governancePolicy.manageAssociates(ctx.actor, null));
  if (f.collegeId && !(await findCollege(ctx.db, ctx.consortium.id, f.collegeId)))
    throw invalid({ collegeId: "Collège introuvable dans ce consortium" });
  const next = register.map((a) => (a.id === id ? { ...a, ...f } : a));
  await checkRegister(ctx, next, id, "capitalCents");
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(associates)
      .set({ ...f, updatedAt: ctx.now })
      .where(eq(associates.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "associate.update",
      subjectType: "associate",
      subjectId: id,
      summary: `${ctx.user.name} modifie ${associate.name} au registre des associés (${euros(associate.capitalCents)} → ${euros(f.capitalCents)})`,
      data: {
        before: {
          collegeId: associate.collegeId,
          capitalCents: associate.capitalCents,
          publicTerritorial: associate.publicTerritorial,
        },
        after: f,
      },
    });
  });
  return presentAssociate(ctx, (await loadAssociate(ctx, id)).associate);
}

/**
 * Takes an associate off the register. Refused when the public authorities would then hold more than half of
 * the capital (SCIC-03): the cap is on what remains.
 */
export async function removeAssociate(ctx: Ctx, id: string): Promise<void> {
  const { register, associate } = await loadAssociate(ctx, id);
  authorize(governancePolicy.manageAssociates(ctx.actor, null));
  await checkRegister(
    ctx,
    register.filter((a) => a.id !== id),
    null,
    null,
  );
  await ctx.db.transaction(async (tx) => {
    await tx.delete(associates).where(eq(associates.id, id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "associate.remove",
      subjectType: "associate",
      subjectId: id,
      summary: `${ctx.user.name} retire ${associate.name} du registre des associés (${euros(associate.capitalCents)})`,
      data: { collegeId: associate.collegeId, capitalCents: associate.capitalCents },
    });
  });
}

// ---------------------------------------------------------------- shares

export async function getShares(ctx: Ctx): Promise<SharesDto> {
  const [weighting, rows, register] = await Promise.all([
    q.weightingOf(ctx.db, ctx.consortium.id),
    q.collegesOf(ctx.db, ctx.consortium.id),
    q.associatesOf(ctx.db, ctx.consortium.id),
  ]);
  return presentShares(weighting, rows, register);
}

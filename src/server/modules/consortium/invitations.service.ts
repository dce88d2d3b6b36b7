import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AccountDto, InvitationDto, InviteInput, UpdateAccountInput } from "../../../shared/contracts/consortium.ts";
import type { Db } from "../../db/client.ts";
import { consortia, consortiumAccounts, invitations, organizations, people, users } from "../../db/schema/index.ts";
import type { Ctx, SessionUser } from "../../http/auth.ts";
import { AppError, conflict, invalid, notFound } from "../../http/errors.ts";
import type { Mailer } from "../../lib/mailer.ts";
import { isCoordinator } from "../../policies/actor.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import { findOrganization } from "../directory/directory.queries.ts";
import { assertNotLastCoordinator } from "./consortium.service.ts";

const INVITATION_DAYS = 14;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const ROLE_LABELS = {
  coordinator: "coordination",
  referent: "référent·e de structure",
  member: "membre",
  partner: "partenaire",
} as const;

type Row = typeof invitations.$inferSelect;
const statusOf = (row: Row, now: Date): InvitationDto["status"] =>
  row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : row.expiresAt < now ? "expired" : "pending";

function present(row: Row, organizationName: string | null, now: Date): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organizationName,
    status: statusOf(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Checks the organisation a referent manages or a partner belongs to. */
async function checkOrganization(db: Db, consortiumId: string, role: string, organizationId: string | null | undefined) {
  if (role === "referent" || role === "partner") {
    if (!organizationId) throw invalid({ organizationId: "Choisissez la structure concernée" });
    const org = await findOrganization(db, consortiumId, organizationId);
    if (!org) throw invalid({ organizationId: "Structure introuvable dans ce consortium" });
    if (role === "partner" && org.kind !== "partner") throw invalid({ organizationId: "Choisissez un partenaire" });
    if (role === "referent" && org.kind === "partner")
      throw invalid({ organizationId: "Choisissez une structure membre ou porteuse" });
    return org;
  }
  return null;
}

export async function listInvitations(ctx: Ctx): Promise<InvitationDto[]> {
  authorize(consortiumPolicy.invite(ctx.actor));
  const rows = await ctx.db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.consortiumId, ctx.consortium.id))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => present(r.invitation, r.organizationName, ctx.now));
}

/**
 * Invites someone by e-mail with a role. The link carries a random token; only its hash is stored.
 * The e-mail goes through the mailer (SMTP or the outbox page).
 */
export async function invite(ctx: Ctx, mailer: Mailer, publicUrl: string, input: z.output<typeof InviteInput>) {
  authorize(consortiumPolicy.invite(ctx.actor));
  const org = await checkOrganization(ctx.db, ctx.consortium.id, input.role, input.organizationId);
  const [existing] = await ctx.db
    .select({ id: consortiumAccounts.id })
    .from(consortiumAccounts)
    .innerJoin(users, eq(users.id, consortiumAccounts.userId))
    .where(and(eq(consortiumAccounts.consortiumId, ctx.consortium.id), eq(users.email, input.email)));
  if (existing) throw invalid({ email: "Cette personne a déjà un compte dans ce consortium" });
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(invitations)
      .values({
        consortiumId: ctx.consortium.id,
        email: input.email,
        role: input.role,
        organizationId: org?.id ?? null,
        tokenHash: hashToken(token),
        invitedBy: ctx.user.id,
        expiresAt,
      })
      .returning();
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "invitation.create",
      subjectType: "invitation",
      subjectId: created.id,
      summary: `${ctx.user.name} invite ${input.email} (${ROLE_LABELS[input.role]})`,
    });
    return created;
  });
  const link = `${publicUrl}/invitation/${token}`;
  await mailer.send({
    to: input.email,
    subject: `Invitation à rejoindre ${ctx.consortium.name} sur Maillage`,
    text:
      `Bonjour,\n\n${ctx.user.name} vous invite à rejoindre le consortium « ${ctx.consortium.name} » ` +
      `sur Maillage, avec le rôle ${ROLE_LABELS[input.role]}${org ? ` pour ${org.name}` : ""}.\n\n` +
      `Pour accepter, ouvrez ce lien (valable ${INVITATION_DAYS} jours) :\n${link}\n\n` +
      "Si vous ne vous attendiez pas à ce message, ignorez-le.\n",
  });
  return present(row, org?.name ?? null, ctx.now);
}

export async function revokeInvitation(ctx: Ctx, id: string) {
  authorize(consortiumPolicy.invite(ctx.actor));
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.now })
      .where(and(eq(invitations.id, id), eq(invitations.consortiumId, ctx.consortium.id)))
      .returning();
    if (!row) throw notFound("Invitation");
    if (row.acceptedAt) throw conflict("Cette invitation a déjà été acceptée.");
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "invitation.revoke",
      subjectType: "invitation",
      subjectId: id,
      summary: `${ctx.user.name} annule l'invitation de ${row.email}`,
    });
  });
}

async function findByToken(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, consortium: consortia })
    .from(invitations)
    .innerJoin(consortia, eq(consortia.id, invitations.consortiumId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) throw notFound("Invitation");
  return row;
}

/** What the invitation page shows before sign-in: which consortium, which role, for which e-mail. */
export async function previewInvitation(db: Db, token: string) {
  const { invitation, consortium } = await findByToken(db, token);
  return {
    consortiumName: consortium.name,
    consortiumSlug: consortium.slug,
    email: invitation.email,
    role: invitation.role,
    status: statusOf(invitation, new Date()),
  };
}

/**
 * Accepts an invitation for the signed-in user, whose e-mail must be the invited one. Creates the
 * account in the consortium and links (or creates) the person's directory entry.
 */
export async function acceptInvitation(db: Db, user: SessionUser, token: string) {
  const { invitation, consortium } = await findByToken(db, token);
  const now = new Date();
  const status = statusOf(invitation, now);
  if (status !== "pending") throw conflict(`Cette invitation n'est plus valable (${status}).`);
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", `Cette invitation est adressée à ${invitation.email}. Connectez-vous avec cette adresse.`);
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(consortiumAccounts)
      .values({ consortiumId: consortium.id, userId: user.id, role: invitation.role, organizationId: invitation.organizationId })
      .onConflictDoUpdate({
        target: [consortiumAccounts.consortiumId, consortiumAccounts.userId],
        set: { role: invitation.role, organizationId: invitation.organizationId },
      });
    await tx.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id));
    // Link the directory entry that has the same e-mail, if the coordinator already listed the person.
    await tx
      .update(people)
      .set({ userId: user.id })
      .where(and(eq(people.consortiumId, consortium.id), eq(people.email, user.email)));
    await recordActivity(tx, {
      consortiumId: consortium.id,
      actorUserId: user.id,
      action: "invitation.accept",
      subjectType: "invitation",
      subjectId: invitation.id,
      summary: `${user.name} rejoint le consortium (${ROLE_LABELS[invitation.role]})`,
    });
  });
  return { slug: consortium.slug };
}

export async function listAccounts(ctx: Ctx): Promise<AccountDto[]> {
  const rows = await ctx.db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: consortiumAccounts.role,
      organizationId: consortiumAccounts.organizationId,
      organizationName: organizations.name,
    })
    .from(consortiumAccounts)
    .innerJoin(users, eq(users.id, consortiumAccounts.userId))
    .leftJoin(organizations, eq(organizations.id, consortiumAccounts.organizationId))
    .where(eq(consortiumAccounts.consortiumId, ctx.consortium.id))
    .orderBy(asc(users.name));
  const manage = isCoordinator(ctx.actor);
  return rows.map((r) => ({
    ...r,
    // Members see who is in the consortium; e-mails stay with the coordinators.
    email: manage || r.userId === ctx.user.id ? r.email : "",
    abilities: { update: manage, remove: manage },
  }));
}

async function loadAccount(ctx: Ctx, userId: string) {
  const [row] = await ctx.db
    .select()
    .from(consortiumAccounts)
    .where(and(eq(consortiumAccounts.consortiumId, ctx.consortium.id), eq(consortiumAccounts.userId, userId)));
  if (!row) throw notFound("Compte");
  return row;
}

export async function updateAccount(ctx: Ctx, userId: string, input: z.output<typeof UpdateAccountInput>) {
  authorize(consortiumPolicy.manageAccounts(ctx.actor));
  const account = await loadAccount(ctx, userId);
  if (account.role === "coordinator" && input.role !== "coordinator") {
    await assertNotLastCoordinator(ctx.db, ctx.consortium.id, userId);
  }
  const org = await checkOrganization(ctx.db, ctx.consortium.id, input.role, input.organizationId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(consortiumAccounts)
      .set({ role: input.role, organizationId: org?.id ?? null })
      .where(eq(consortiumAccounts.id, account.id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "account.update",
      subjectType: "user",
      subjectId: userId,
      summary: `${ctx.user.name} change un rôle en ${ROLE_LABELS[input.role]}`,
    });
  });
  return (await listAccounts(ctx)).find((a) => a.userId === userId) as AccountDto;
}

export async function removeAccount(ctx: Ctx, userId: string) {
  authorize(consortiumPolicy.manageAccounts(ctx.actor));
  const account = await loadAccount(ctx, userId);
  if (account.role === "coordinator") await assertNotLastCoordinator(ctx.db, ctx.consortium.id, userId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(consortiumAccounts).where(eq(consortiumAccounts.id, account.id));
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "account.remove",
      subjectType: "user",
      subjectId: userId,
      summary: `${ctx.user.name} retire un accès au consortium`,
    });
  });
}

import type { z } from "zod";
import { addDays } from "../../../shared/agenda/time.ts";
import {
  effortPoints,
  HOURS_PER_POINT,
  type SuggestionDto,
  type SuggestionsDto,
  type WorkloadAlertDto,
  type WorkloadDto,
  type WorkloadSettingsInput,
} from "../../../shared/contracts/tasks.ts";
import type { Issue } from "../../../shared/governance/issues.ts";
import { describeIssue, type Locale, percent } from "../../../shared/governance/labels.ts";
import {
  addMonths,
  computeWorkload,
  DEFAULT_IDLE_MONTHS,
  DEFAULT_SHARE_THRESHOLD,
  type LoadItem,
  type LoadRow,
  type Suggestion,
  suggestAssignees,
  type WorkloadOrganization,
  type WorkloadPerson,
  type WorkloadReport,
} from "../../../shared/governance/workload.ts";
import { parisDay } from "../../../shared/lib/dates.ts";
import { governanceSettings } from "../../db/schema/index.ts";
import type { Ctx } from "../../http/auth.ts";
import { consortiumPolicy } from "../../policies/directory.ts";
import { authorize } from "../../policies/index.ts";
import { recordActivity } from "../activity.ts";
import * as q from "./workload.queries.ts";

type Settings = z.output<typeof WorkloadSettingsInput>;

/** A plain seat in these bodies is a right every associate has, not a charge: only their roles count. */
const SEAT_IS_NO_CHARGE = new Set(["general_assembly", "college"]);

const frDate = (day: string) =>
  new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
const enDate = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** labels.ts in both languages, with days and decimal points written the way each language writes them. */
function sentence(i: Issue): { fr: string; en: string } {
  const say = (l: Locale) => {
    const params = { ...i.params };
    if (typeof params.lastActivity === "string" && params.lastActivity !== "")
      params.lastActivity = l === "fr" ? frDate(params.lastActivity) : enDate(params.lastActivity);
    if (typeof params.load === "number") params.load = Math.round(params.load * 10) / 10;
    const text = describeIssue({ ...i, params }, l);
    return l === "fr" ? text.replace(/(\d)\.(\d)/g, "$1,$2") : text;
  };
  return { fr: say("fr"), en: say("en") };
}

/**
 * Everything the consortium carries, as LoadItems, and who is expected to carry a share:
 * - people: those with a current role in a member organisation or the carrier, or an account in the consortium;
 * - organisations: the current members and the carrier.
 * Anyone else who carries something current (a partner organising an event, a person without a role holding a
 * task) joins the list, so that the shares add up. Old items naming nobody on the list are left out: they would
 * only add rows of zero.
 */
async function gather(ctx: Ctx) {
  const { db } = ctx;
  const cid = ctx.consortium.id;
  const today = parisDay(ctx.now);
  const [settings, persons, roles, orgs, periods, accounts, taskRows, mandateRows, reps, turns, events] = await Promise.all([
    q.findSettings(db, cid),
    q.listPeople(db, cid),
    q.listRoles(db, cid),
    q.listOrganizations(db, cid),
    q.listPeriods(db, cid),
    q.listAccounts(db, cid),
    q.listTaskRows(db, cid),
    q.listMandates(db, cid),
    q.listRepresentatives(db, cid),
    q.listTurns(db, cid),
    q.listOrganizedEvents(db, cid, ctx.now),
  ]);
  const threshold = settings?.overloadShare ?? DEFAULT_SHARE_THRESHOLD;
  const idleMonths = settings?.idleMonths ?? DEFAULT_IDLE_MONTHS;
  const windowStart = addMonths(today, -12);

  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const carrierId = ctx.consortium.carrierOrganizationId ?? null;
  const currentPeriod = new Map<string, string>();
  for (const p of periods)
    if (p.joinedOn <= today && (p.leftOn === null || p.leftOn > today)) currentPeriod.set(p.organizationId, p.joinedOn);

  // A person works for the organisation of their oldest current role, preferably not a partner's.
  const personOrg = new Map<string, string>();
  const inMemberOrg = new Set<string>();
  for (const r of roles) {
    if (!(r.since <= today && (r.until === null || r.until > today))) continue;
    const kind = orgById.get(r.organizationId)?.kind;
    const counts = r.organizationId === carrierId || (kind === "member" && currentPeriod.has(r.organizationId));
    if (counts) inMemberOrg.add(r.personId);
    const known = personOrg.get(r.personId);
    if (!known || (orgById.get(known)?.kind === "partner" && kind !== "partner")) personOrg.set(r.personId, r.organizationId);
  }
  const personByUser = new Map(persons.filter((p) => p.userId).map((p) => [p.userId as string, p.id]));
  const accountUsers = new Set(accounts.map((a) => a.userId));

  const items: LoadItem[] = [];
  for (const t of taskRows)
    items.push({
      id: t.id,
      kind: "task",
      title: t.title,
      personId: t.personId,
      organizationId: t.organizationId,
      effort: effortPoints(t.effortHours),
      from: parisDay(t.createdAt),
      until: t.status === "done" ? parisDay(t.doneAt ?? t.updatedAt) : null,
    });
  for (const m of mandateRows) {
    if (m.role === "member" && SEAT_IS_NO_CHARGE.has(m.bodyKind)) continue;
    items.push({
      id: m.id,
      kind: m.role === "referent" ? "referent" : "mandate",
      title: m.bodyName,
      personId: m.personId,
      organizationId: m.organizationId,
      from: m.startsOn,
      until: m.endsOn ? addDays(m.endsOn, 1) : null,
    });
  }
  // Speaking for an organisation in the consortium, as its representative or its referent account: counted once.
  const referentSeen = new Set<string>();
  for (const r of reps) {
    const running = r.since <= today && (r.until === null || r.until > today);
    if (running) referentSeen.add(`${r.personId}:${r.organizationId}`);
    items.push({
      id: r.id,
      kind: "referent",
      personId: r.personId,
      organizationId: r.organizationId,
      from: r.since,
      until: r.until,
    });
  }
  for (const a of accounts) {
    if (a.role !== "referent" || !a.organizationId) continue;
    const personId = personByUser.get(a.userId) ?? null;
    if (personId && referentSeen.has(`${personId}:${a.organizationId}`)) continue;
    items.push({
      id: `account:${a.userId}`,
      kind: "referent",
      personId,
      organizationId: a.organizationId,
      from: parisDay(a.createdAt),
      until: null,
    });
  }
  for (const t of turns)
    items.push({
      id: t.id,
      kind: "rotation_turn",
      personId: t.personId,
      organizationId: t.organizationId,
      from: parisDay(t.startsAt),
    });
  for (const e of events) {
    const from = e.lastPast && e.lastPast >= windowStart ? e.lastPast : (e.nextFuture ?? e.lastPast);
    if (!from) continue;
    items.push({ id: `${e.eventId}:${e.organizationId}`, kind: "event", personId: null, organizationId: e.organizationId, from });
  }

  const current = (i: LoadItem) => {
    switch (i.kind) {
      case "task":
        return i.until == null;
      case "mandate":
      case "referent":
        return i.from <= today && (i.until == null || i.until > today);
      default:
        return i.from >= windowStart;
    }
  };
  const peopleIn = new Set(
    persons.filter((p) => inMemberOrg.has(p.id) || (p.userId && accountUsers.has(p.userId))).map((p) => p.id),
  );
  const orgsIn = new Set(
    orgs.filter((o) => o.id === carrierId || (o.kind === "member" && currentPeriod.has(o.id))).map((o) => o.id),
  );
  const orgOfItem = (i: LoadItem) => i.organizationId ?? (i.personId ? (personOrg.get(i.personId) ?? null) : null);
  for (const i of items) {
    if (!current(i)) continue;
    if (i.personId) peopleIn.add(i.personId);
    const org = orgOfItem(i);
    if (org) orgsIn.add(org);
  }
  const kept = items.filter((i) => {
    const org = orgOfItem(i);
    return (i.personId === null || peopleIn.has(i.personId)) && (org === null || orgsIn.has(org));
  });

  const population: WorkloadPerson[] = persons
    .filter((p) => peopleIn.has(p.id))
    .map((p) => ({
      id: p.id,
      name: `${p.firstName} ${p.lastName}`,
      organizationId: personOrg.get(p.id) ?? null,
      skills: p.skills,
    }));
  const organizations: WorkloadOrganization[] = orgs
    .filter((o) => orgsIn.has(o.id))
    .map((o) => ({
      id: o.id,
      name: o.name,
      // Only current members are expected to carry a share; the carrier and anyone else are never flagged idle.
      kind: o.id === carrierId ? "carrier" : o.kind === "member" && currentPeriod.has(o.id) ? "member" : "partner",
      memberSince: currentPeriod.get(o.id) ?? null,
    }));
  const report = computeWorkload({ today, people: population, organizations, items: kept, options: { threshold, idleMonths } });
  const unassignedTasks = taskRows.filter((t) => t.status === "open" && t.personId === null);
  return { report, population, unassignedTasks };
}

function presentSuggestion(s: Suggestion, threshold: number): SuggestionDto {
  return {
    personId: s.personId,
    name: s.name,
    matched: s.matched,
    missing: s.missing,
    load: s.load,
    share: s.share,
    overloaded: s.share > threshold,
    reasons: s.reasons.map(sentence),
  };
}

function presentReport(report: WorkloadReport) {
  const overloaded = new Set(report.alerts.filter((a) => a.code === "carries_too_much").map((a) => `${a.scope}:${a.id}`));
  const row = (scope: "person" | "organization") => (r: LoadRow) => ({ ...r, overloaded: overloaded.has(`${scope}:${r.id}`) });
  const alerts: WorkloadAlertDto[] = report.alerts.map((a) => ({
    code: a.code,
    scope: a.scope,
    id: a.id,
    name: String(a.params.name ?? ""),
    share: typeof a.params.share === "number" ? a.params.share : null,
    message: sentence(a),
  }));
  const people = report.people.map(row("person"));
  const organizations = report.organizations.map(row("organization"));
  return {
    today: report.today,
    settings: {
      overloadShare: report.settings.threshold,
      idleMonths: report.settings.idleMonths,
      windowMonths: report.settings.windowMonths,
      weights: report.settings.weights,
      hoursPerPoint: HOURS_PER_POINT,
    },
    total: report.total,
    people,
    organizations,
    busiest: {
      person: report.busiest.person ? (people.find((r) => r.id === report.busiest.person?.id) ?? null) : null,
      organization: report.busiest.organization
        ? (organizations.find((r) => r.id === report.busiest.organization?.id) ?? null)
        : null,
    },
    concentration: report.concentration,
    alerts,
    unassigned: report.unassigned,
  };
}

/**
 * Who carries what today: each person's and each member organisation's load by kind, the shares, the concentration
 * index, the alerts (too much on one, nothing for months from a member) and, for each task nobody carries yet, the
 * three people who could best take it (skills first, then the lightest load).
 */
export async function getWorkload(ctx: Ctx): Promise<WorkloadDto> {
  const { report, population, unassignedTasks } = await gather(ctx);
  return {
    ...presentReport(report),
    suggestions: unassignedTasks.map((t) => ({
      task: { id: t.id, title: t.title, skills: t.skills, dueOn: t.dueOn },
      people: suggestAssignees({ skills: t.skills }, population, report, { limit: 3 }).map((s) =>
        presentSuggestion(s, report.settings.threshold),
      ),
    })),
    abilities: { updateSettings: consortiumPolicy.manageWorkload(ctx.actor), createTask: consortiumPolicy.createTask(ctx.actor) },
  };
}

/** Who could take a task needing these skills: the task form asks while it is being filled in. */
export async function suggest(ctx: Ctx, skills: string[], limit: number): Promise<SuggestionsDto> {
  const { report, population } = await gather(ctx);
  return {
    items: suggestAssignees({ skills }, population, report, { limit }).map((s) =>
      presentSuggestion(s, report.settings.threshold),
    ),
  };
}

/** The coordination sets when the page raises its alerts; the figures themselves do not change. */
export async function updateSettings(ctx: Ctx, input: Settings): Promise<WorkloadDto> {
  authorize(consortiumPolicy.manageWorkload(ctx.actor));
  const before = await q.findSettings(ctx.db, ctx.consortium.id);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(governanceSettings)
      .values({ consortiumId: ctx.consortium.id, overloadShare: input.overloadShare, idleMonths: input.idleMonths })
      .onConflictDoUpdate({
        target: governanceSettings.consortiumId,
        set: { overloadShare: input.overloadShare, idleMonths: input.idleMonths, updatedAt: ctx.now },
      });
    await recordActivity(tx, {
      consortiumId: ctx.consortium.id,
      actorUserId: ctx.user.id,
      action: "governance.workload_settings",
      subjectType: "consortium",
      subjectId: ctx.consortium.id,
      summary: `${ctx.user.name} règle les alertes de charge : au-delà de ${percent(input.overloadShare)} pour une personne ou une structure, après ${input.idleMonths} mois sans rien porter pour un membre`,
      data: {
        before: before ? { overloadShare: before.overloadShare, idleMonths: before.idleMonths } : null,
        after: input,
      },
    });
  });
  return getWorkload(ctx);
}

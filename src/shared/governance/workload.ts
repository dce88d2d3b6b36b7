// Workload balance: who carries the consortium. Cooperation wears out when it rests on one person's or one
// place's shoulders, so this counts what each person and each member organisation carries, how concentrated that
// is, and who could take the next task. The figures are advice, not law: plain numbers are enough here (tallies,
// which are law, use exact fractions).

import { type Issue, issue } from "./issues.ts";

/**
 * What can be carried:
 * - `task`: an open task, weighted by its effort;
 * - `mandate`: an elected or appointed role in a body (co-presidency, treasurer…) while it runs;
 * - `referent`: being an organisation's or a working group's referent while it runs;
 * - `rotation_turn`: hosting a turn of a rotation (breakfast meeting, tour stop…);
 * - `event`: organising an event of the shared programme.
 */
export type LoadKind = "task" | "mandate" | "referent" | "rotation_turn" | "event";
export const LOAD_KINDS: LoadKind[] = ["task", "mandate", "referent", "rotation_turn", "event"];

/**
 * Points per item; a task counts `task × effort`. The unit is one ordinary task (effort 1, about half a day). A
 * running mandate weighs 3: it means meetings, preparation and being the one people call, every month. A referent
 * role weighs 2, hosting a rotation turn 2 (preparing, opening, welcoming, tidying up) and organising an event 2.
 * Each consortium can set its own (WorkloadOptions.weights).
 */
export const DEFAULT_LOAD_WEIGHTS: Record<LoadKind, number> = { task: 1, mandate: 3, referent: 2, rotation_turn: 2, event: 2 };

/** Above this share of the total, a person or an organisation carries too much (40 %). */
export const DEFAULT_SHARE_THRESHOLD = 0.4;
/** A member organisation that has carried nothing for this many months is flagged. */
export const DEFAULT_IDLE_MONTHS = 6;
/** Rotation turns and events count when they fall within this many months before today, or later. */
export const DEFAULT_WINDOW_MONTHS = 12;

export interface LoadItem {
  id: string;
  kind: LoadKind;
  title?: string;
  /** The person who carries it; null for an unassigned task. */
  personId: string | null;
  /** The organisation it is carried for; when null, the person's organisation. */
  organizationId: string | null;
  /** Tasks: effort in units of an ordinary task; 1 when absent. */
  effort?: number;
  /** The day it starts: task opened, mandate or role started, turn hosted, event held (YYYY-MM-DD). */
  from: string;
  /** Tasks: the day it was done, null while open. Mandates and roles: the day after the last, null while running. */
  until?: string | null;
}

export interface WorkloadPerson {
  id: string;
  name: string;
  organizationId?: string | null;
  skills?: string[];
}

export interface WorkloadOrganization {
  id: string;
  name: string;
  /** Only member organisations are expected to carry a share; partners and the carrier are shown, never flagged idle. */
  kind?: "member" | "carrier" | "partner";
  /** First day of membership; a member that joined within the idle window is not flagged. */
  memberSince?: string | null;
}

export interface WorkloadOptions {
  weights?: Partial<Record<LoadKind, number>>;
  threshold?: number;
  idleMonths?: number;
  windowMonths?: number;
}

export interface LoadRow {
  id: string;
  name: string;
  /** Points carried now (see DEFAULT_LOAD_WEIGHTS). */
  load: number;
  /** load / total of the rows, 0 when nobody carries anything. */
  share: number;
  byKind: Record<LoadKind, { count: number; points: number }>;
}

/**
 * How concentrated the load is, among `population` people or organisations (those carrying nothing included):
 * - `index`: the Herfindahl–Hirschman index normalised to 0–1, (H − 1/n) / (1 − 1/n) where H = Σ share². 0 when
 *   everyone carries the same, 1 when one carries everything. Null when n < 2 or nothing is carried.
 * - `equivalentCarriers`: 1 / H, "as if the work were shared equally by this many": 4 people with 40/20/20/20 %
 *   give 3.6; with 70/10/10/10 %, 1.9.
 */
export interface Concentration {
  index: number | null;
  equivalentCarriers: number | null;
  population: number;
}

export type WorkloadAlertCode = "carries_too_much" | "carries_nothing";

export type WorkloadAlert = Issue<WorkloadAlertCode> & { scope: "person" | "organization"; id: string };

export interface WorkloadReport {
  today: string;
  people: LoadRow[];
  organizations: LoadRow[];
  /** Points carried in all, by people (the organisations' total can differ: an item may have no organisation). */
  total: number;
  busiest: { person: LoadRow | null; organization: LoadRow | null };
  concentration: { people: Concentration; organizations: Concentration };
  alerts: WorkloadAlert[];
  /** Open tasks nobody carries. */
  unassigned: { count: number; points: number };
  /** The settings used, defaults filled in, so a figure can be checked by hand. */
  settings: Required<Omit<WorkloadOptions, "weights">> & { weights: Record<LoadKind, number> };
}

/** YYYY-MM-DD plus n months (n may be negative), the day clamped to the month's end: 31 March − 1 month = 28 Feb. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

const emptyByKind = (): LoadRow["byKind"] =>
  Object.fromEntries(LOAD_KINDS.map((k) => [k, { count: 0, points: 0 }])) as LoadRow["byKind"];

/** The points an item weighs on `today`, or 0 when it is not current (done task, ended role, old turn). */
function pointsOf(item: LoadItem, today: string, windowStart: string, weights: Record<LoadKind, number>): number {
  switch (item.kind) {
    case "task":
      return item.until == null ? weights.task * Math.max(0, item.effort ?? 1) : 0;
    case "mandate":
    case "referent":
      return item.from <= today && (item.until == null || item.until > today) ? weights[item.kind] : 0;
    case "rotation_turn":
    case "event":
      // Upcoming turns and events count too: preparing them is today's work.
      return item.from >= windowStart ? weights[item.kind] : 0;
  }
}

/** The last day an item shows its carrier active, up to today. */
function activityDay(item: LoadItem, today: string): string {
  const day = item.kind === "rotation_turn" || item.kind === "event" ? item.from : (item.until ?? today);
  return day < today ? day : today;
}

function concentration(rows: LoadRow[]): Concentration {
  const n = rows.length;
  const total = rows.reduce((s, r) => s + r.load, 0);
  if (n === 0 || total === 0) return { index: null, equivalentCarriers: null, population: n };
  const h = rows.reduce((s, r) => s + (r.load / total) ** 2, 0);
  return { index: n < 2 ? null : Math.max(0, (h - 1 / n) / (1 - 1 / n)), equivalentCarriers: 1 / h, population: n };
}

const byLoad = (a: LoadRow, b: LoadRow) => b.load - a.load || a.name.localeCompare(b.name, "fr") || (a.id < b.id ? -1 : 1);

/**
 * What each person and organisation carries on `today`, the shares, the concentration and the alerts:
 * - `carries_too_much`: a share above the threshold (40 % by default). An even split is never an alert: among two,
 *   50 % each is balance, so the alert needs a share above both the threshold and 1 / population.
 * - `carries_nothing`: a member organisation with no activity (any item, current or past) during the last
 *   `idleMonths` months, unless it joined within them.
 * An item counts for its organisation, or else for its person's organisation. People and organisations not in the
 * lists but named by an item are added, so that the shares always add up.
 */
export function computeWorkload(input: {
  today: string;
  people: WorkloadPerson[];
  organizations: WorkloadOrganization[];
  items: LoadItem[];
  options?: WorkloadOptions;
}): WorkloadReport {
  const { today, items } = input;
  const o = input.options ?? {};
  const weights = { ...DEFAULT_LOAD_WEIGHTS, ...o.weights };
  const settings = {
    weights,
    threshold: o.threshold ?? DEFAULT_SHARE_THRESHOLD,
    idleMonths: o.idleMonths ?? DEFAULT_IDLE_MONTHS,
    windowMonths: o.windowMonths ?? DEFAULT_WINDOW_MONTHS,
  };
  const windowStart = addMonths(today, -settings.windowMonths);
  const personOrg = new Map(input.people.map((p) => [p.id, p.organizationId ?? null]));

  const people = new Map(input.people.map((p) => [p.id, { id: p.id, name: p.name, load: 0, share: 0, byKind: emptyByKind() }]));
  const orgs = new Map(
    input.organizations.map((x) => [x.id, { id: x.id, name: x.name, load: 0, share: 0, byKind: emptyByKind() }]),
  );
  const lastActivity = new Map<string, string>();
  const unassigned = { count: 0, points: 0 };
  const charge = (rows: Map<string, LoadRow>, id: string, item: LoadItem, points: number) => {
    const row = rows.get(id) ?? { id, name: id, load: 0, share: 0, byKind: emptyByKind() };
    rows.set(id, row);
    if (points === 0) return;
    row.load += points;
    row.byKind[item.kind].count += 1;
    row.byKind[item.kind].points += points;
  };

  for (const item of items) {
    const points = pointsOf(item, today, windowStart, weights);
    // A task nobody took is nobody's load yet; an event or a turn may be carried by an organisation alone.
    if (item.personId === null && item.kind === "task") {
      if (points > 0) {
        unassigned.count += 1;
        unassigned.points += points;
      }
      continue;
    }
    const orgId = item.organizationId ?? (item.personId ? (personOrg.get(item.personId) ?? null) : null);
    if (item.personId !== null) charge(people, item.personId, item, points);
    if (orgId !== null) {
      charge(orgs, orgId, item, points);
      const day = activityDay(item, today);
      if (day > (lastActivity.get(orgId) ?? "")) lastActivity.set(orgId, day);
    }
  }

  const finish = (rows: Map<string, LoadRow>) => {
    const list = [...rows.values()];
    const total = list.reduce((s, r) => s + r.load, 0);
    for (const r of list) r.share = total === 0 ? 0 : r.load / total;
    return list.sort(byLoad);
  };
  const peopleRows = finish(people);
  const orgRows = finish(orgs);

  const alerts: WorkloadAlert[] = [];
  const tooMuch = (rows: LoadRow[], scope: "person" | "organization") => {
    for (const r of rows) {
      if (r.share > settings.threshold && r.share > 1 / rows.length) {
        alerts.push({
          ...issue("carries_too_much", { name: r.name, share: r.share, threshold: settings.threshold }),
          scope,
          id: r.id,
        });
      }
    }
  };
  tooMuch(peopleRows, "person");
  tooMuch(orgRows, "organization");
  const cutoff = addMonths(today, -settings.idleMonths);
  for (const org of input.organizations) {
    if ((org.kind ?? "member") !== "member") continue;
    if (org.memberSince && org.memberSince > cutoff) continue;
    const last = lastActivity.get(org.id) ?? null;
    if (last === null || last < cutoff) {
      alerts.push({
        ...issue("carries_nothing", { name: org.name, months: settings.idleMonths, lastActivity: last ?? "" }),
        scope: "organization",
        id: org.id,
      });
    }
  }

  return {
    today,
    people: peopleRows,
    organizations: orgRows,
    total: peopleRows.reduce((s, r) => s + r.load, 0),
    busiest: { person: peopleRows[0]?.load ? peopleRows[0] : null, organization: orgRows[0]?.load ? orgRows[0] : null },
    concentration: { people: concentration(peopleRows), organizations: concentration(orgRows) },
    alerts,
    unassigned,
    settings,
  };
}

// ---------------------------------------------------------------- suggestions

/** Skills compare without case, accents or extra spaces: "Menuiserie" matches "menuiserie ", "Éco" matches "eco". */
export const normaliseSkill = (skill: string): string =>
  skill.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

export type SuggestionReasonCode =
  | "skills_match"
  | "skills_partial"
  | "no_skill_match"
  | "no_skill_required"
  | "current_load"
  | "carries_nothing_yet"
  | "above_threshold";

export interface Suggestion {
  personId: string;
  name: string;
  /** Required skills the person has, as the task names them. */
  matched: string[];
  missing: string[];
  load: number;
  share: number;
  reasons: Issue<SuggestionReasonCode>[];
}

/**
 * Who could take an unassigned task: ranked by the number of required skills they have (most first), then by the
 * load they carry now (lightest first), then by name. Everyone is listed with the reasons for their place; people
 * already above the threshold are flagged rather than hidden, since they may be the only ones who can.
 */
export function suggestAssignees(
  task: { skills: string[] },
  people: WorkloadPerson[],
  report: Pick<WorkloadReport, "people" | "settings">,
  options: { limit?: number } = {},
): Suggestion[] {
  const required = [...new Map(task.skills.filter((s) => normaliseSkill(s) !== "").map((s) => [normaliseSkill(s), s])).entries()];
  const rows = new Map(report.people.map((r) => [r.id, r]));
  const threshold = report.settings.threshold;
  const list = people.map((p): Suggestion => {
    const has = new Set((p.skills ?? []).map(normaliseSkill));
    const matched = required.filter(([k]) => has.has(k)).map(([, s]) => s);
    const missing = required.filter(([k]) => !has.has(k)).map(([, s]) => s);
    const row = rows.get(p.id);
    const load = row?.load ?? 0;
    const share = row?.share ?? 0;
    const reasons: Issue<SuggestionReasonCode>[] = [];
    if (required.length === 0) reasons.push(issue("no_skill_required"));
    else if (matched.length === required.length)
      reasons.push(issue("skills_match", { skills: matched.join(", "), count: matched.length }));
    else if (matched.length > 0) {
      reasons.push(
        issue("skills_partial", {
          skills: matched.join(", "),
          count: matched.length,
          of: required.length,
          lacking: missing.join(", "),
        }),
      );
    } else reasons.push(issue("no_skill_match", { of: required.length }));
    reasons.push(load === 0 ? issue("carries_nothing_yet") : issue("current_load", { load, share }));
    if (share > threshold) reasons.push(issue("above_threshold", { share, threshold }));
    return { personId: p.id, name: p.name, matched, missing, load, share, reasons };
  });
  list.sort(
    (a, b) =>
      b.matched.length - a.matched.length ||
      a.load - b.load ||
      a.name.localeCompare(b.name, "fr") ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  return options.limit === undefined ? list : list.slice(0, options.limit);
}

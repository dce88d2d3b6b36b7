// Attendance, proxies and quorum of a meeting. Recomputed from scratch on every change of the attendance sheet
// (cheap: one pass over the members), so the meeting page can show the quorum live as people arrive.

import {
  compare,
  div,
  type FractionText,
  fraction,
  ceil as fractionCeil,
  fromInt,
  isZero,
  mul,
  parseFraction,
  sum,
  toText,
  ZERO,
} from "./fraction.ts";
import { type Issue, issue } from "./issues.ts";

export interface BodyMember {
  id: string;
  /** The member's college, for a weighted quorum; null when the body has none. */
  collegeId?: string | null;
}

/** What the secretary marks for each member. "Represented" is not marked: it follows from an accepted proxy. */
export type Presence = "present" | "excused" | "absent";
export type AttendanceStatus = "present" | "represented" | "excused" | "absent";

/** An absent member (`from`) asks a present one (`to`) to vote in their name. */
export interface ProxyGrant {
  from: string;
  to: string;
}

export interface ProxyRules {
  /** How many absent members one present member may represent (statutes; §1.5 leaves it configurable). */
  maxPerHolder: number;
}

export type ProxyIssueCode =
  | "proxy_unknown_member"
  | "proxy_unknown_holder"
  | "proxy_self"
  | "proxy_duplicate"
  | "proxy_chain"
  | "proxy_holder_absent"
  | "proxy_limit";

export interface ProxyCheck {
  accepted: ProxyGrant[];
  refused: Array<{ grant: ProxyGrant; issue: Issue<ProxyIssueCode> }>;
  /** Proxies given by members who came after all: they vote themselves, the proxy is not used. */
  lapsed: ProxyGrant[];
  /** For each present member, the votes they cast: their own plus one per member they represent. */
  votesPerVoter: Record<string, number>;
}

/**
 * Sorts proxies into accepted, refused and lapsed. A proxy is refused when: the member giving it or the holder is
 * not a member of the body (in coops an associate is represented by another associate, §1.5); it is given to
 * oneself; the member already gave one; the holder is not present (when the holder gave a proxy too, this is
 * reported as a chain: a vote travels one step, so everyone can see who carries it); or the holder already carries
 * `maxPerHolder`. A member who gave a proxy and came after all votes themselves and may hold others' proxies. Grants are
 * taken in the order given, the order they were registered: the first ones within the limit win.
 */
export function checkProxies(
  members: BodyMember[],
  presence: Record<string, Presence>,
  grants: ProxyGrant[],
  rules: ProxyRules,
): ProxyCheck {
  const ids = new Set(members.map((m) => m.id));
  const givers = new Set(grants.map((g) => g.from));
  const held = new Map<string, number>();
  const seen = new Set<string>();
  const out: ProxyCheck = { accepted: [], refused: [], lapsed: [], votesPerVoter: {} };
  const refuse = (grant: ProxyGrant, code: ProxyIssueCode) =>
    out.refused.push({ grant, issue: issue(code, { from: grant.from, to: grant.to, max: rules.maxPerHolder }) });

  for (const grant of grants) {
    if (!ids.has(grant.from)) refuse(grant, "proxy_unknown_member");
    else if (!ids.has(grant.to)) refuse(grant, "proxy_unknown_holder");
    else if (grant.from === grant.to) refuse(grant, "proxy_self");
    else if (seen.has(grant.from)) refuse(grant, "proxy_duplicate");
    else if (presence[grant.from] === "present") {
      seen.add(grant.from);
      out.lapsed.push(grant);
    } else if (presence[grant.to] !== "present") {
      // An absent holder who gave their own proxy would pass this one further: say so, it is the usual mistake.
      refuse(grant, givers.has(grant.to) ? "proxy_chain" : "proxy_holder_absent");
    } else if ((held.get(grant.to) ?? 0) >= rules.maxPerHolder) refuse(grant, "proxy_limit");
    else {
      seen.add(grant.from);
      held.set(grant.to, (held.get(grant.to) ?? 0) + 1);
      out.accepted.push(grant);
    }
  }
  for (const m of members) if (presence[m.id] === "present") out.votesPerVoter[m.id] = 1 + (held.get(m.id) ?? 0);
  return out;
}

export interface AttendanceRow {
  memberId: string;
  collegeId: string | null;
  status: AttendanceStatus;
  /** For a represented member: who votes in their name. */
  holder: string | null;
}

export interface AttendanceSheet {
  rows: AttendanceRow[];
  counts: Record<AttendanceStatus, number> & { members: number };
  proxies: ProxyCheck;
}

/**
 * The attendance sheet: each member present, represented (an accepted proxy, even when they had sent apologies),
 * excused or absent. Members with no mark are absent.
 */
export function attendanceSheet(
  members: BodyMember[],
  presence: Record<string, Presence>,
  grants: ProxyGrant[],
  rules: ProxyRules,
): AttendanceSheet {
  const proxies = checkProxies(members, presence, grants, rules);
  const holderOf = new Map(proxies.accepted.map((g) => [g.from, g.to]));
  const counts = { present: 0, represented: 0, excused: 0, absent: 0, members: members.length };
  const rows = members.map((m): AttendanceRow => {
    const mark = presence[m.id] ?? "absent";
    const holder = mark === "present" ? null : (holderOf.get(m.id) ?? null);
    const status: AttendanceStatus = mark === "present" ? "present" : holder !== null ? "represented" : mark;
    counts[status] += 1;
    return { memberId: m.id, collegeId: m.collegeId ?? null, status, holder };
  });
  return { rows, counts, proxies };
}

/**
 * A body's quorum: the share of members that must be present or represented, on first call and on a second call
 * (a new convocation with the same agenda, allowed only after the first failed, §1.5). Null means no quorum.
 * `headcount` counts people; `weighted` counts each college's turnout at its weight (§1.4, "Quorum with
 * collèges"; headcount is the default there).
 */
export interface QuorumRule {
  firstCall: FractionText | null;
  secondCall: FractionText | null;
  basis: "headcount" | "weighted";
}

export interface QuorumStatus {
  call: 1 | 2;
  basis: "headcount" | "weighted";
  /** Required share, exact; null when this call needs no quorum. */
  required: FractionText | null;
  members: number;
  present: number;
  represented: number;
  excused: number;
  absent: number;
  /** Share of the body present or represented (weighted by college for basis `weighted`). */
  reached: FractionText;
  /** "At least" the required share: 1/5 of 20 members is met by 4. */
  met: boolean;
  /** headcount: members needed present or represented; null for weighted or no quorum. */
  needed: number | null;
  /** headcount: how many more are needed (0 when met); null for weighted or no quorum. */
  missing: number | null;
}

export type QuorumIssueCode = "quorum_rule_unreadable" | "quorum_weight_missing";

/** Checks a quorum rule when it is saved: shares between 0 and 1, and weights for a weighted quorum. */
export function validateQuorumRule(
  rule: QuorumRule,
  colleges: Array<{ id: string; weight: FractionText | null }> = [],
): Issue<QuorumIssueCode>[] {
  const issues: Issue<QuorumIssueCode>[] = [];
  for (const [call, text] of [
    [1, rule.firstCall],
    [2, rule.secondCall],
  ] as const) {
    if (text === null) continue;
    const f = parseFraction(text);
    if (f === null || compare(f, ZERO) < 0 || compare(f, fromInt(1)) > 0)
      issues.push(issue("quorum_rule_unreadable", { call, text }));
  }
  if (rule.basis === "weighted") {
    for (const c of colleges)
      if (c.weight === null || parseFraction(c.weight) === null) issues.push(issue("quorum_weight_missing", { college: c.id }));
  }
  return issues;
}

/**
 * Is the quorum met on this sheet? Headcount: (present + represented) / members ≥ required. Weighted: each college
 * with members contributes weight × its turnout, divided by the weights of those colleges; members without a
 * college are then left out. Call validateQuorumRule when the rule is saved.
 */
export function quorumStatus(
  rule: QuorumRule,
  sheet: AttendanceSheet,
  options: { call: 1 | 2; colleges?: Array<{ id: string; weight: FractionText | null }> },
): QuorumStatus {
  const { call } = options;
  const text = call === 1 ? rule.firstCall : rule.secondCall;
  const required = text === null ? null : (parseFraction(text) ?? ZERO);
  const { counts } = sheet;
  const attending = counts.present + counts.represented;
  let reached = counts.members === 0 ? ZERO : fraction(attending, counts.members);
  if (rule.basis === "weighted") {
    const turnout = new Map<string, { attending: number; members: number }>();
    for (const r of sheet.rows) {
      if (r.collegeId === null) continue;
      const t = turnout.get(r.collegeId) ?? { attending: 0, members: 0 };
      t.members += 1;
      if (r.status === "present" || r.status === "represented") t.attending += 1;
      turnout.set(r.collegeId, t);
    }
    const weights = (options.colleges ?? [])
      .filter((c) => turnout.has(c.id))
      .map((c) => ({ id: c.id, w: parseFraction(c.weight ?? "") ?? ZERO }));
    const total = sum(weights.map((c) => c.w));
    reached = isZero(total)
      ? ZERO
      : div(
          sum(
            weights.map((c) => {
              const t = turnout.get(c.id)!;
              return mul(c.w, fraction(t.attending, t.members));
            }),
          ),
          total,
        );
  }
  const met = required === null || compare(reached, required) >= 0;
  const needed =
    required === null || rule.basis === "weighted" ? null : Number(fractionCeil(mul(required, fromInt(counts.members))));
  return {
    call,
    basis: rule.basis,
    required: required === null ? null : toText(required),
    members: counts.members,
    present: counts.present,
    represented: counts.represented,
    excused: counts.excused,
    absent: counts.absent,
    reached: toText(reached),
    met,
    needed,
    missing: needed === null ? null : Math.max(0, needed - attending),
  };
}

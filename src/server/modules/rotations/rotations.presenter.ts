import { describeRecurrence } from "../../../shared/agenda/recurrence.ts";
import { parisDate } from "../../../shared/agenda/time.ts";
import type { Recurrence } from "../../../shared/contracts/agenda.ts";
import { hostKey, type RotationDto } from "../../../shared/contracts/rotations.ts";
import type { Ctx } from "../../http/auth.ts";
import type { SwapSubject, TurnSubject } from "../../policies/rotations.ts";
import type * as q from "./rotations.queries.ts";

export type Loaded = {
  rotation: q.RotationRow;
  hosts: q.HostRow[];
  unavailable: Array<{ organizationId: string; personId: string | null; fromDate: string; toDate: string; label: string }>;
  turns: q.TurnRow[];
  swaps: Array<{
    id: string;
    turnId: string;
    withTurnId: string;
    status: "pending" | "accepted" | "refused" | "withdrawn";
    message: string | null;
    answer: string | null;
    createdAt: Date;
  }>;
  /** The accounts of the people the turns name, by person id: they speak for their own turns. */
  personUsers: Map<string, string | null>;
};

export const ruleInWords = (r: q.RotationRow) =>
  `${describeRecurrence(r.recurrence as unknown as Recurrence, r.startLocal, "fr")}, ${r.startLocal.slice(11)}–${r.endLocal.slice(11)}`;

/** Why a host's room does not meet the rotation's requirements, or null when it does. */
export function ineligibility(rotation: q.RotationRow, h: q.HostRow): string | null {
  const room = h.spaceName ? `la salle « ${h.spaceName} »` : "le lieu";
  if (rotation.minCapacity !== null) {
    if (h.spaceCapacity === null) return `capacité de ${room} inconnue (il faut ${rotation.minCapacity} places)`;
    if (h.spaceCapacity < rotation.minCapacity)
      return `${room} compte ${h.spaceCapacity} places, il en faut ${rotation.minCapacity}`;
  }
  if (rotation.stepFree && !(h.spaceAccessibility ?? h.placeAccessibility).includes("step_free"))
    return `${room} n'est pas accessible de plain-pied`;
  return null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Turns per host against its share: past turns (declared, and held before today) plus the turns planned,
 * and the target, its weight's share of all of them. The same arithmetic as the solver's, rounded to show.
 * Cancelled dates count for nobody.
 */
export function fairnessOf(rotation: q.RotationRow, hosts: q.HostRow[], turns: q.TurnRow[]) {
  // A host whose room does not qualify takes no turn and no share, as in the solver.
  const weightOf = (h: q.HostRow) => (ineligibility(rotation, h) ? 0 : rotation.weighting === "weighted" ? h.weight : 1);
  const planned = turns.filter((t) => t.status === "planned");
  const total = hosts.reduce((sum, h) => sum + h.pastTurns, 0) + planned.length;
  const weights = hosts.reduce((sum, h) => sum + weightOf(h), 0);
  return hosts.map((h) => {
    const held = planned.filter((t) => hostKey(t) === h.key).length;
    const share = weights > 0 ? weightOf(h) / weights : 0;
    const target = share * total;
    return {
      organizationId: h.organizationId,
      personId: h.personId,
      hostName: h.hostName,
      weight: weightOf(h),
      share: round2(share),
      pastTurns: h.pastTurns,
      turns: held,
      target: round2(target),
      deviation: round2(h.pastTurns + held - target),
    };
  });
}

/** What the policies need of a turn: its organisation, and the account of the person hosting it. */
export const turnSubject = (loaded: Pick<Loaded, "personUsers">, t: q.TurnRow, now: Date): TurnSubject => ({
  organizationId: t.organizationId,
  personUserId: t.personId ? (loaded.personUsers.get(t.personId) ?? null) : null,
  status: t.status,
  past: t.startsAt < now,
});

export function presentRotation(
  ctx: Ctx,
  loaded: Loaded,
  /** Hosts that turns still name after leaving the rotation, by hostKey. */
  former: Map<string, { name: string; placeName: string }>,
  abilities: {
    rotation: Record<string, boolean>;
    turn: (t: TurnSubject) => Record<string, boolean>;
    swap: (s: SwapSubject) => Record<string, boolean>;
  },
): RotationDto {
  const { rotation, hosts, unavailable, turns, swaps } = loaded;
  const hostOf = new Map(hosts.map((h) => [h.key, h]));
  const turnById = new Map(turns.map((t) => [t.id, t]));
  const nameOf = (t: q.TurnRow) => hostOf.get(hostKey(t))?.hostName ?? former.get(hostKey(t))?.name ?? "";
  return {
    id: rotation.id,
    name: rotation.name,
    description: rotation.description,
    rule: ruleInWords(rotation),
    fields: {
      start: rotation.startLocal,
      end: rotation.endLocal,
      recurrence: rotation.recurrence,
      hosts: hosts.map((h) => ({
        organizationId: h.organizationId,
        personId: h.personId,
        personName: h.personName,
        placeId: h.placeId,
        spaceId: h.spaceId,
        weight: h.weight,
        pastTurns: h.pastTurns,
        wishes: h.wishes,
      })),
      weighting: rotation.weighting,
      minGapDays: rotation.minGapDays,
      minCapacity: rotation.minCapacity,
      stepFree: rotation.stepFree,
      unavailable: unavailable.map((u) => ({
        organizationId: u.organizationId,
        personId: u.personId,
        from: u.fromDate,
        to: u.toDate,
        label: u.label,
      })),
      audiences: rotation.audiences,
      visibility: rotation.visibility,
    },
    turns: turns.map((t) => {
      const subject = turnSubject(loaded, t, ctx.now);
      const pending = swaps.some((s) => s.status === "pending" && (s.turnId === t.id || s.withTurnId === t.id));
      return {
        id: t.id,
        startsAt: t.startsAt.toISOString(),
        endsAt: t.endsAt.toISOString(),
        date: parisDate(t.startsAt),
        organizationId: t.organizationId,
        personId: t.personId,
        hostName: nameOf(t),
        placeName: hostOf.get(hostKey(t))?.placeName ?? former.get(hostKey(t))?.placeName ?? "",
        status: t.status,
        cancelReason: t.cancelReason,
        pinned: t.pinned,
        eventId: t.eventId,
        reasons: t.reasons,
        past: subject.past,
        abilities: { ...abilities.turn(subject), ...(pending ? { requestSwap: false } : {}) },
      };
    }),
    fairness: fairnessOf(rotation, hosts, turns),
    swaps: swaps.flatMap((s) => {
      const a = turnById.get(s.turnId);
      const b = turnById.get(s.withTurnId);
      if (!a || !b) return [];
      // Once accepted the turns have exchanged hosts: name them as they were asked.
      const [from, to] = s.status === "accepted" ? [b, a] : [a, b];
      return [
        {
          id: s.id,
          turnId: s.turnId,
          withTurnId: s.withTurnId,
          fromName: nameOf(from),
          toName: nameOf(to),
          turnDate: parisDate(a.startsAt),
          withTurnDate: parisDate(b.startsAt),
          status: s.status,
          message: s.message,
          answer: s.answer,
          createdAt: s.createdAt.toISOString(),
          abilities: abilities.swap({
            status: s.status,
            toOrganizationId: to.organizationId,
            toPersonUserId: turnSubject(loaded, to, ctx.now).personUserId,
          }),
        },
      ];
    }),
    ineligible: hosts.flatMap((h) => {
      const reason = ineligibility(rotation, h);
      return reason ? [{ organizationId: h.organizationId, personId: h.personId, hostName: h.hostName, reason }] : [];
    }),
    abilities: abilities.rotation,
  };
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NNBSP } from "./fraction.ts";
import { describeIssue, describeQuorum } from "./labels.ts";
import {
  attendanceSheet,
  type BodyMember,
  checkProxies,
  type Presence,
  type ProxyGrant,
  quorumStatus,
  validateQuorumRule,
} from "./quorum.ts";
import { DECISION_PRESETS } from "./tally.ts";

const members = (n: number, college?: (i: number) => string): BodyMember[] =>
  Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, collegeId: college ? college(i) : null }));
const presence = (present: number[], excused: number[] = []): Record<string, Presence> =>
  Object.fromEntries([...present.map((i) => [`m${i}`, "present"]), ...excused.map((i) => [`m${i}`, "excused"])]);

describe("proxies", () => {
  it("accepts one proxy per absent member, to a present member, within the limit", () => {
    const body = members(8);
    const grants: ProxyGrant[] = [
      { from: "m4", to: "m1" },
      { from: "m5", to: "m1" },
      { from: "m6", to: "m1" }, // third for m1: over the limit of 2
      { from: "m4", to: "m2" }, // m4 already gave one
      { from: "m7", to: "m7" }, // to oneself
      { from: "m8", to: "m7" }, // m7 gave one (to itself): chain
      { from: "x", to: "m1" }, // not a member
      { from: "m6", to: "zz" }, // holder not a member
      { from: "m6", to: "m8" }, // m8 is absent and gave one: chain before absence
      { from: "m6", to: "m3" }, // m3 present: accepted
      { from: "m2", to: "m3" }, // m2 is present: the proxy lapses
      { from: "m7", to: "m2" }, // m2 came after all and may hold a proxy
    ];
    const check = checkProxies(body, presence([1, 2, 3]), grants, { maxPerHolder: 2 });
    expect(check.accepted).toEqual([grants[0], grants[1], grants[9], grants[11]]);
    expect(check.refused.map((r) => r.issue.code)).toEqual([
      "proxy_limit",
      "proxy_duplicate",
      "proxy_self",
      "proxy_chain",
      "proxy_unknown_member",
      "proxy_unknown_holder",
      "proxy_chain",
    ]);
    expect(check.lapsed).toEqual([grants[10]]);
    expect(check.votesPerVoter).toEqual({ m1: 3, m2: 2, m3: 2 });
    expect(describeIssue(check.refused[0].issue, "fr", (id) => ({ m1: "Awa", m6: "Benoît" })[id] ?? id)).toBe(
      "Awa détient déjà 2 pouvoirs, le maximum : le pouvoir que donne Benoît n'est pas pris en compte.",
    );
  });

  it("refuses a proxy to someone absent who gave none", () => {
    const check = checkProxies(members(3), presence([1]), [{ from: "m2", to: "m3" }], { maxPerHolder: 1 });
    expect(check.refused.map((r) => r.issue.code)).toEqual(["proxy_holder_absent"]);
  });

  it("counts an excused member who gave a proxy as represented", () => {
    const sheet = attendanceSheet(members(5), presence([1, 2], [3, 4]), [{ from: "m3", to: "m1" }], { maxPerHolder: 1 });
    expect(sheet.rows.map((r) => r.status)).toEqual(["present", "present", "represented", "excused", "absent"]);
    expect(sheet.rows[2].holder).toBe("m1");
    expect(sheet.counts).toEqual({ present: 2, represented: 1, excused: 1, absent: 1, members: 5 });
  });

  it("property: accepted proxies respect every rule, and each present voter casts 1 + what they hold", () => {
    const arb = fc.record({
      n: fc.integer({ min: 1, max: 12 }),
      marks: fc.array(fc.constantFrom<Presence>("present", "excused", "absent"), { minLength: 12, maxLength: 12 }),
      grants: fc.array(fc.record({ from: fc.integer({ min: 1, max: 13 }), to: fc.integer({ min: 1, max: 13 }) }), {
        maxLength: 20,
      }),
      max: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ n, marks, grants, max }) => {
        const body = members(n);
        const p: Record<string, Presence> = Object.fromEntries(body.map((m, i) => [m.id, marks[i]]));
        const g = grants.map((x) => ({ from: `m${x.from}`, to: `m${x.to}` }));
        const c = checkProxies(body, p, g, { maxPerHolder: max });
        expect(c.accepted.length + c.refused.length + c.lapsed.length).toBe(g.length);
        const held = new Map<string, number>();
        const from = new Set<string>();
        for (const a of c.accepted) {
          expect(p[a.to]).toBe("present");
          expect(p[a.from]).not.toBe("present");
          expect(from.has(a.from)).toBe(false);
          from.add(a.from);
          held.set(a.to, (held.get(a.to) ?? 0) + 1);
        }
        for (const k of held.values()) expect(k).toBeLessThanOrEqual(max);
        const present = body.filter((m) => p[m.id] === "present").length;
        expect(Object.values(c.votesPerVoter).reduce((a, b) => a + b, 0)).toBe(present + c.accepted.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("quorum", () => {
  const sa = { ...DECISION_PRESETS.sa_ordinary.quorum, basis: "headcount" as const };

  it("SA ordinary meeting: at least 1/5 present or represented on first call, none on second", () => {
    const body = members(20);
    const four = attendanceSheet(body, presence([1, 2, 3]), [{ from: "m4", to: "m1" }], { maxPerHolder: 1 });
    const q = quorumStatus(sa, four, { call: 1 });
    expect(q).toMatchObject({ required: "1/5", reached: "1/5", met: true, needed: 4, missing: 0, present: 3, represented: 1 });
    expect(describeQuorum(q)).toBe(
      `Quorum atteint : 4 présents ou représentés sur 20 membres (20${NNBSP}%) ; il en faut au moins 4 (1/5).`,
    );
    const three = attendanceSheet(body, presence([1, 2, 3]), [], { maxPerHolder: 1 });
    const q3 = quorumStatus(sa, three, { call: 1 });
    expect([q3.met, q3.missing]).toEqual([false, 1]);
    expect(describeQuorum(q3)).toBe(
      `Quorum non atteint : 3 présents ou représentés sur 20 membres (15${NNBSP}%) ; il en manque 1 pour atteindre 1/5.`,
    );
    const second = quorumStatus(sa, three, { call: 2 });
    expect([second.met, second.required, second.needed]).toEqual([true, null, null]);
    expect(describeQuorum(second)).toBe("Aucun quorum n'est exigé pour cette convocation.");
  });

  it("SA extraordinary meeting: 1/4 on first call, 1/5 on second", () => {
    const rule = { ...DECISION_PRESETS.sa_extraordinary.quorum, basis: "headcount" as const };
    const sheet = attendanceSheet(members(30), presence([1, 2, 3, 4, 5, 6, 7]), [], { maxPerHolder: 1 });
    expect(quorumStatus(rule, sheet, { call: 1 })).toMatchObject({ met: false, needed: 8, missing: 1 });
    expect(quorumStatus(rule, sheet, { call: 2 })).toMatchObject({ met: true, needed: 6, missing: 0 });
  });

  it("weighted basis: each college's turnout at its weight", () => {
    const body = members(10, (i) => (i < 2 ? "a" : i < 5 ? "b" : "c"));
    const colleges = [
      { id: "a", weight: "1/2" },
      { id: "b", weight: "3/10" },
      { id: "c", weight: "1/5" },
    ];
    // a: 2 of 2, b: 0 of 3, c: 1 of 5 → 1/2 + 0 + 1/25 = 27/50.
    const sheet = attendanceSheet(body, presence([1, 2, 6]), [], { maxPerHolder: 1 });
    const rule = { firstCall: "1/2", secondCall: null, basis: "weighted" as const };
    const q = quorumStatus(rule, sheet, { call: 1, colleges });
    expect([q.reached, q.met, q.needed]).toEqual(["27/50", true, null]);
    expect(describeQuorum(q)).toBe(
      `Quorum atteint : 54${NNBSP}% des voix des collèges sont présentes ou représentées ; il en faut au moins 50${NNBSP}%.`,
    );
    // The head count would have failed: 3 of 10.
    expect(quorumStatus({ ...rule, basis: "headcount" }, sheet, { call: 1 }).met).toBe(false);
  });

  it("checks the rule when it is saved", () => {
    expect(validateQuorumRule({ firstCall: "1/5", secondCall: null, basis: "headcount" })).toEqual([]);
    expect(
      validateQuorumRule({ firstCall: "120 %", secondCall: "x", basis: "weighted" }, [{ id: "a", weight: null }]).map(
        (i) => i.code,
      ),
    ).toEqual(["quorum_rule_unreadable", "quorum_rule_unreadable", "quorum_weight_missing"]);
  });

  it("property: live quorum is met exactly when enough are present or represented, and arriving never breaks it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom("1/5", "1/4", "1/3", "1/2", "2/3"),
        fc.nat(39),
        (n, here, required, arriving) => {
          const body = members(n);
          const p: Record<string, Presence> = Object.fromEntries(body.filter((_, i) => here[i]).map((m) => [m.id, "present"]));
          const rule = { firstCall: required, secondCall: null, basis: "headcount" as const };
          const q = quorumStatus(rule, attendanceSheet(body, p, [], { maxPerHolder: 1 }), { call: 1 });
          const [num, den] = required.split("/").map(Number);
          expect(q.met).toBe((q.present + q.represented) * den >= num * n);
          expect(q.met).toBe(q.present + q.represented >= q.needed!);
          const later = { ...p, [`m${(arriving % n) + 1}`]: "present" as const };
          const q2 = quorumStatus(rule, attendanceSheet(body, later, [], { maxPerHolder: 1 }), { call: 1 });
          if (q.met) expect(q2.met).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

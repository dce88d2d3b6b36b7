// The advice process (sollicitation d'avis): the author of a proposal decides alone, but only after asking the
// people the decision affects and those who know the subject, and after answering each piece of advice. Nobody
// votes; what the platform guards is that the asking and the answering really happened, or that the people asked
// had until their deadline.
//
// draft ─request→ gathering ─decide (everyone answered or past deadline, every advice answered)→ decided
// draft | gathering ─withdraw→ withdrawn

import { accept, hasText, isDay, refuse, type Transition } from "./issues.ts";

export type AdvicePhase = "draft" | "gathering" | "decided" | "withdrawn";

export interface AdviceRequest {
  to: string;
  /** Affected by the decision, or asked for their expertise. */
  kind: "affected" | "expert";
  /** Last day to answer (YYYY-MM-DD), included; null for no deadline. */
  due: string | null;
  /** The person said they would not give advice: they have answered. */
  declined: boolean;
}

export interface Advice {
  id: number;
  from: string;
  text: string;
  /** False for advice nobody asked for: it is welcome, and it needs an answer too. */
  requested: boolean;
  /** The author's answer: what they take from it, or why not. */
  response: string | null;
}

export interface AdviceDecision {
  text: string;
  on: string;
  /** Requests that were never answered: their deadline had passed when the author decided. */
  unansweredAtDeadline: string[];
}

export interface AdviceState {
  phase: AdvicePhase;
  author: string;
  proposal: string;
  requests: AdviceRequest[];
  advice: Advice[];
  decision: AdviceDecision | null;
}

export type AdviceEvent =
  | { type: "request"; by: string; to: string; kind: "affected" | "expert"; due?: string | null }
  | { type: "give"; from: string; text: string }
  | { type: "decline"; from: string }
  | { type: "respond"; by: string; advice: number; text: string }
  | { type: "decide"; by: string; text: string; today: string }
  | { type: "withdraw"; by: string };

export type AdviceIssueCode =
  | "wrong_phase"
  | "advice_closed"
  | "not_author"
  | "author_cannot_advise"
  | "already_requested"
  | "not_requested"
  | "already_answered"
  | "text_missing"
  | "invalid_day"
  | "unknown_advice"
  | "no_advice_requested"
  | "advice_pending"
  | "advice_unanswered";

export function startAdvice(input: { author: string; proposal: string }): Transition<AdviceState, AdviceIssueCode> {
  if (!hasText(input.proposal)) return refuse("text_missing");
  return accept({
    phase: "draft",
    author: input.author,
    proposal: input.proposal.trim(),
    requests: [],
    advice: [],
    decision: null,
  });
}

const hasAnswered = (s: AdviceState, r: AdviceRequest) => r.declined || s.advice.some((a) => a.from === r.to);

/**
 * Requests still waiting on `today`: neither answered nor declined, and within their deadline (a deadline is the
 * last day to answer, so it has passed from the next day on).
 */
export function pendingRequests(s: AdviceState, today: string): AdviceRequest[] {
  return s.requests.filter((r) => !hasAnswered(s, r) && (r.due === null || today <= r.due));
}

/** Advice the author has not answered yet. */
export const unansweredAdvice = (s: AdviceState): Advice[] => s.advice.filter((a) => a.response === null);

/**
 * The advice machine. Pure: the next state or the reason for a refusal. The author alone requests, responds and
 * decides; anybody may give advice while it is gathered; deciding needs at least one request, no request still
 * pending (answered, declined or past its deadline) and an answer to every piece of advice received.
 */
export function adviceTransition(s: AdviceState, e: AdviceEvent): Transition<AdviceState, AdviceIssueCode> {
  if (s.phase === "decided" || s.phase === "withdrawn") return refuse("advice_closed", { phase: s.phase });
  switch (e.type) {
    case "request": {
      if (e.by !== s.author) return refuse("not_author", { who: e.by });
      if (e.to === s.author) return refuse("author_cannot_advise");
      if (s.requests.some((r) => r.to === e.to)) return refuse("already_requested", { who: e.to });
      const due = e.due ?? null;
      if (due !== null && !isDay(due)) return refuse("invalid_day", { text: due });
      return accept({ ...s, phase: "gathering", requests: [...s.requests, { to: e.to, kind: e.kind, due, declined: false }] });
    }
    case "give": {
      if (s.phase !== "gathering") return refuse("wrong_phase", { phase: s.phase });
      if (e.from === s.author) return refuse("author_cannot_advise");
      if (!hasText(e.text)) return refuse("text_missing");
      const requested = s.requests.some((r) => r.to === e.from);
      const advice: Advice = { id: s.advice.length + 1, from: e.from, text: e.text.trim(), requested, response: null };
      return accept({ ...s, advice: [...s.advice, advice] });
    }
    case "decline": {
      if (s.phase !== "gathering") return refuse("wrong_phase", { phase: s.phase });
      const r = s.requests.find((x) => x.to === e.from);
      if (!r) return refuse("not_requested", { who: e.from });
      if (hasAnswered(s, r)) return refuse("already_answered", { who: e.from });
      return accept({ ...s, requests: s.requests.map((x) => (x === r ? { ...x, declined: true } : x)) });
    }
    case "respond": {
      if (s.phase !== "gathering") return refuse("wrong_phase", { phase: s.phase });
      if (e.by !== s.author) return refuse("not_author", { who: e.by });
      const a = s.advice.find((x) => x.id === e.advice);
      if (!a) return refuse("unknown_advice", { advice: e.advice });
      if (!hasText(e.text)) return refuse("text_missing");
      // The author may refine an answer until they decide; the decision freezes it.
      return accept({ ...s, advice: s.advice.map((x) => (x === a ? { ...x, response: e.text.trim() } : x)) });
    }
    case "decide": {
      if (e.by !== s.author) return refuse("not_author", { who: e.by });
      if (s.phase === "draft" || s.requests.length === 0) return refuse("no_advice_requested");
      if (!isDay(e.today)) return refuse("invalid_day", { text: e.today });
      const pending = pendingRequests(s, e.today);
      if (pending.length > 0) {
        // Deciding becomes possible after the last deadline, unless someone asked has no deadline at all.
        const until = pending.some((r) => r.due === null)
          ? ""
          : pending
              .map((r) => r.due ?? "")
              .sort()
              .at(-1)!;
        return refuse("advice_pending", { who: pending.map((r) => r.to).join(", "), count: pending.length, until });
      }
      const unanswered = unansweredAdvice(s);
      if (unanswered.length > 0) {
        return refuse("advice_unanswered", { who: unanswered.map((a) => a.from).join(", "), count: unanswered.length });
      }
      if (!hasText(e.text)) return refuse("text_missing");
      const unansweredAtDeadline = s.requests.filter((r) => !hasAnswered(s, r)).map((r) => r.to);
      return accept({ ...s, phase: "decided", decision: { text: e.text.trim(), on: e.today, unansweredAtDeadline } });
    }
    case "withdraw":
      if (e.by !== s.author) return refuse("not_author", { who: e.by });
      return accept({ ...s, phase: "withdrawn" });
  }
}

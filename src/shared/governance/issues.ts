// What the rules answer when they refuse something: a code and its parameters, never a sentence. labels.ts
// turns them into French or English, so the server, the web app and the tests share one wording.

export type IssueParams = Record<string, string | number>;

export interface Issue<C extends string = string> {
  code: C;
  params: IssueParams;
}

export const issue = <C extends string>(code: C, params: IssueParams = {}): Issue<C> => ({ code, params });

/** What a state machine answers to an event: the next state, or why the event was refused (state unchanged). */
export type Transition<S, C extends string> = { ok: true; state: S } | { ok: false; error: Issue<C> };

export const accept = <S>(state: S): { ok: true; state: S } => ({ ok: true, state });
export const refuse = <C extends string>(code: C, params: IssueParams = {}): { ok: false; error: Issue<C> } => ({
  ok: false,
  error: issue(code, params),
});

/** Thrown by functions whose input should have been checked first (a stored record that does not add up). */
export class GovernanceError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => i.code).join(", "));
    this.name = "GovernanceError";
  }
}

/** A text that says something: trimmed, not empty. */
export const hasText = (text: string | null | undefined): text is string => typeof text === "string" && text.trim() !== "";

/** YYYY-MM-DD and a real calendar day. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

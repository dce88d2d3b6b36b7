import type { Db } from "../../db/client.ts";
import type { Ctx } from "../../http/auth.ts";
import { conflict } from "../../http/errors.ts";
import { getMeeting } from "./meetings.service.ts";
import * as q from "./proposals.queries.ts";

/**
 * A body decides in a meeting only with its quorum: the last meeting (not cancelled) whose order of the day names
 * the proposal, read as its page shows it. A decision outside any meeting (a written consultation) has no quorum
 * to meet. Votes check it at their close, consent and elections when they conclude; the advice process is one
 * person's decision and has none.
 */
export async function requireQuorum(ctx: Ctx, tx: Db, proposalId: string, refused: string) {
  const held = (await q.meetingsOfProposal(tx, ctx.consortium.id, proposalId)).filter((m) => m.status !== "cancelled");
  const last = held.at(-1);
  if (!last) return;
  const meeting = await getMeeting({ ...ctx, db: tx }, last.id);
  if (meeting.quorum && !meeting.quorum.met)
    throw conflict(
      `${meeting.quorum.text} ${refused} à la réunion « ${meeting.title} » : complétez la feuille de présence, ou reprenez la proposition à une seconde convocation.`,
    );
}

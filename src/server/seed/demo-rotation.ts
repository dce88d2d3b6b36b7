import { addDays, parisDate } from "../../shared/agenda/time.ts";
import type { Db } from "../db/client.ts";
import { createRotation, generate } from "../modules/rotations/rotations.service.ts";
import { coordinatorCtx, memberPlaces, silentMailer } from "./demo-ctx.ts";

/** The 2nd Thursday of the month after `today` ("YYYY-MM-DD"). */
function secondThursdayAfter(today: string): string {
  const [y, m] = today.split("-").map(Number);
  const first = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`;
  const weekday = new Date(`${first}T12:00:00Z`).getUTCDay();
  return addDays(first, ((4 - weekday + 7) % 7) + 7);
}

/**
 * The demo's breakfast meeting, hosted in turn by the member places for a year from next month, generated
 * through the same services as the web app (its dates appear in the agenda). Referents are not mailed.
 */
export async function seedDemoRotation(db: Db, consortiumSlug: string, coordinatorUserId: string) {
  const ctx = await coordinatorCtx(db, consortiumSlug, coordinatorUserId);
  const hosts = await memberPlaces(db, ctx.consortium.id);
  const first = secondThursdayAfter(parisDate(ctx.now));
  const rotation = await createRotation(ctx, {
    name: "Petit-déjeuner du réseau",
    description: "Un café, des croissants et les nouvelles de chaque lieu, un jeudi par mois, chez chacun à tour de rôle.",
    start: `${first}T08:30`,
    end: `${first}T10:00`,
    recurrence: { frequency: "monthly_weekday", interval: 1, count: 12 },
    hosts: hosts.map(({ organizationId, placeId }) => ({
      organizationId,
      placeId,
      weight: 1,
      pastTurns: 0,
      wishes: [],
    })),
    weighting: "equal",
    minGapDays: 0,
    stepFree: false,
    unavailable: [],
    audiences: ["professionals"],
    visibility: "consortium",
  });
  await generate(ctx, silentMailer, rotation.id, first);
}

import type { Db } from "../db/client.ts";
import { activities } from "../db/schema/index.ts";

export interface ActivityEntry {
  consortiumId: string | null;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  summary: string;
  data?: Record<string, unknown>;
}

/** Called by services inside the same transaction as the change it describes. */
export async function recordActivity(tx: Db, entry: ActivityEntry): Promise<void> {
  await tx.insert(activities).values({ ...entry, subjectId: entry.subjectId ?? null, data: entry.data ?? null });
}

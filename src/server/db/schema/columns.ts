import { timestamp, uuid } from "drizzle-orm/pg-core";
import { consortia } from "./consortium.ts";

/** The consortium a row belongs to: every query filters on it, and the row goes with its consortium. */
export const consortiumRef = () =>
  uuid()
    .notNull()
    .references(() => consortia.id, { onDelete: "cascade" });

export const stamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

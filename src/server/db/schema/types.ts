import { customType } from "drizzle-orm/pg-core";

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
export const daterange = customType<{ data: string }>({ dataType: () => "daterange" });
export const tstzrange = customType<{ data: string }>({ dataType: () => "tstzrange" });

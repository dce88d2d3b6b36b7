import type { FastifyInstance } from "fastify";
import type { Db } from "../db/client.ts";

export const DEMO_PASSWORD = "maillage-demo";
export const DEMO_ACCOUNTS: { label: string; email: string }[] = [];
export async function seedDemo(_db: Db, _app: FastifyInstance) {}

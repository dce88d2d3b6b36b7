import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { say } from "./messages.ts";

// French first: messages.ts sets Zod's French locale until a client asks for English.

export const Uuid = z.uuid(say("Identifiant invalide", "Invalid identifier"));
export const IsoDate = z.iso.date(say("Date attendue au format AAAA-MM-JJ", "Date expected as YYYY-MM-DD"));
export const IsoDateTime = z.string();

export const RequiredText = (max: number = LIMITS.name) =>
  z
    .string()
    .trim()
    .min(1, say("Ce champ est obligatoire", "This field is required"))
    .max(max, say(`${max} caractères au plus`, `${max} characters at most`));

export const OptionalText = (max: number = LIMITS.shortText) =>
  z
    .string()
    .trim()
    .max(max, say(`${max} caractères au plus`, `${max} characters at most`))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email)
  .pipe(z.email(say("Adresse e-mail invalide", "Invalid e-mail address")));

export const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email)
  .refine((v) => v === "" || z.email().safeParse(v).success, say("Adresse e-mail invalide", "Invalid e-mail address"))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const Tags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.tag, say(`${LIMITS.tag} caractères au plus`, `${LIMITS.tag} characters at most`)),
  )
  .max(LIMITS.tags, say(`${LIMITS.tags} éléments au plus`, `${LIMITS.tags} items at most`))
  .transform((list) => [...new Set(list)]);

export const Page = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
});

export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const Abilities = z.record(z.string(), z.boolean());

export const SlugParams = z.object({ slug: z.string().min(1).max(80) });
export const SlugIdParams = SlugParams.extend({ id: Uuid });

import { z } from "zod";
import { LIMITS } from "../limits.ts";

// French first: every message a schema produces without a custom one comes from Zod's French locale.
z.config(z.locales.fr());

export const Uuid = z.uuid({ message: "Identifiant invalide" });
export const IsoDate = z.iso.date({ message: "Date attendue au format AAAA-MM-JJ" });
export const IsoDateTime = z.string();

export const RequiredText = (max: number = LIMITS.name) =>
  z
    .string()
    .trim()
    .min(1, { message: "Ce champ est obligatoire" })
    .max(max, { message: `${max} caractères au plus` });

export const OptionalText = (max: number = LIMITS.shortText) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus` })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email)
  .pipe(z.email({ message: "Adresse e-mail invalide" }));

export const OptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email)
  .refine((v) => v === "" || z.email().safeParse(v).success, { message: "Adresse e-mail invalide" })
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const Tags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.tag, { message: `${LIMITS.tag} caractères au plus` }),
  )
  .max(LIMITS.tags, { message: `${LIMITS.tags} éléments au plus` })
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

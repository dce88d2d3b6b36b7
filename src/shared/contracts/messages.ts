import { z } from "zod";

export type ContractLocale = "fr" | "en";
let current: ContractLocale = "fr";

/**
 * Chooses the language of validation messages: Zod's own messages and ours (`say`). The web app follows
 * its language switch; the server validates in French, then again in English for a client that asked
 * for English (http/errors.ts). Parsing is synchronous, so switching around one parse is safe.
 */
export function setContractLocale(locale: ContractLocale): void {
  current = locale;
  z.config(locale === "en" ? z.locales.en() : z.locales.fr());
}

/** A validation message in both languages, resolved when the message is produced. */
export const say = (fr: string, en: string) => ({ error: () => (current === "en" ? en : fr) });

setContractLocale("fr");

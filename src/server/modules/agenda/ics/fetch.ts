import { LIMITS } from "../../../../shared/limits.ts";

/** Fetching a calendar failed; the message is for people, in French. */
export class IcsFetchError extends Error {
  override name = "IcsFetchError";
}

export type FetchResult = { status: "not-modified" } | { status: "ok"; text: string; etag: string | null };

export const FETCH_TIMEOUT_MS = 10_000;

/** "webcal://" is how calendar links ask to be subscribed to: the same address over https. */
export function normaliseCalendarUrl(raw: string): string {
  const trimmed = raw.trim();
  return /^webcals?:\/\//i.test(trimmed) ? trimmed.replace(/^webcals?:\/\//i, "https://") : trimmed;
}

/**
 * Downloads an .ics address: http(s) only, 10 seconds at most, 2 MB at most (LIMITS.icsBytes, read as it
 * arrives so a huge answer is cut short), and a 304 when the ETag sent still holds.
 */
export async function fetchCalendar(
  rawUrl: string,
  options: { etag?: string | null; timeoutMs?: number; maxBytes?: number } = {},
): Promise<FetchResult> {
  const maxBytes = options.maxBytes ?? LIMITS.icsBytes;
  let url: URL;
  try {
    url = new URL(normaliseCalendarUrl(rawUrl));
  } catch {
    throw new IcsFetchError("Cette adresse n'est pas valide.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new IcsFetchError("Seules les adresses https://, http:// ou webcal:// sont acceptées.");
  }
  const signal = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        accept: "text/calendar, text/plain;q=0.8, */*;q=0.5",
        "user-agent": "Maillage (agenda partagé)",
        ...(options.etag ? { "if-none-match": options.etag } : {}),
      },
      redirect: "follow",
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw new IcsFetchError("Le serveur de ce calendrier n'a pas répondu dans les 10 secondes.");
    throw new IcsFetchError(`Impossible de joindre cette adresse (${networkReason(error)}) : vérifiez-la.`);
  }
  if (response.status === 304) return { status: "not-modified" };
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new IcsFetchError(`Le serveur de ce calendrier a répondu par une erreur (HTTP ${response.status}).`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new IcsFetchError("Ce calendrier dépasse 2 Mo : il ne peut pas être importé.");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new IcsFetchError("Ce calendrier dépasse 2 Mo : il ne peut pas être importé.");
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    if (error instanceof IcsFetchError) throw error;
    if (signal.aborted) throw new IcsFetchError("Le serveur de ce calendrier n'a pas répondu dans les 10 secondes.");
    throw new IcsFetchError("Le téléchargement du calendrier a été interrompu : réessayez.");
  }
  const text = new TextDecoder("utf-8").decode(Buffer.concat(chunks));
  return { status: "ok", text, etag: response.headers.get("etag") };
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return "nom de domaine inconnu";
  if (cause?.code === "ECONNREFUSED") return "connexion refusée";
  if (cause?.code?.startsWith("CERT_") || cause?.code === "DEPTH_ZERO_SELF_SIGNED_CERT") return "certificat invalide";
  return "erreur réseau";
}

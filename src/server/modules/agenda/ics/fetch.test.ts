import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchCalendar, IcsFetchError, normaliseCalendarUrl } from "./fetch.ts";

const CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//FR\r\nEND:VCALENDAR\r\n";
let server: http.Server;
let base: string;
const seen: Array<string | undefined> = [];
const hanging: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/cal.ics") {
      seen.push(req.headers["if-none-match"]);
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/calendar", etag: '"v1"' }).end(CALENDAR);
      return;
    }
    if (req.url === "/declared-big.ics") {
      res.writeHead(200, { "content-type": "text/calendar", "content-length": "5000" }).end("x".repeat(5000));
      return;
    }
    if (req.url === "/streamed-big.ics") {
      // No content-length: the limit is enforced on the bytes as they arrive.
      res.writeHead(200, { "content-type": "text/calendar" });
      res.write("x".repeat(600));
      res.write("x".repeat(600));
      res.end("x".repeat(600));
      return;
    }
    if (req.url === "/slow.ics") {
      hanging.push(res);
      return;
    }
    res.writeHead(404).end("introuvable");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("normaliseCalendarUrl", () => {
  it("turns webcal:// into https://", () => {
    expect(normaliseCalendarUrl(" webcal://cloud.example.org/remote.php/dav/public-calendars/abc?export ")).toBe(
      "https://cloud.example.org/remote.php/dav/public-calendars/abc?export",
    );
    expect(normaliseCalendarUrl("WEBCALS://x.org/a.ics")).toBe("https://x.org/a.ics");
    expect(normaliseCalendarUrl("https://x.org/a.ics")).toBe("https://x.org/a.ics");
  });
});

describe("fetchCalendar", () => {
  it("returns the text and its ETag, then 304 when the ETag still holds", async () => {
    const first = await fetchCalendar(`${base}/cal.ics`);
    expect(first).toEqual({ status: "ok", text: CALENDAR, etag: '"v1"' });
    const second = await fetchCalendar(`${base}/cal.ics`, { etag: '"v1"' });
    expect(second).toEqual({ status: "not-modified" });
    expect(seen.slice(-2)).toEqual([undefined, '"v1"']);
  });

  it("refuses an HTTP error, in French", async () => {
    await expect(fetchCalendar(`${base}/missing.ics`)).rejects.toThrow(
      new IcsFetchError("Le serveur de ce calendrier a répondu par une erreur (HTTP 404)."),
    );
  });

  it("refuses a calendar over the size limit, announced or streamed", async () => {
    await expect(fetchCalendar(`${base}/declared-big.ics`, { maxBytes: 1000 })).rejects.toThrow(/dépasse 2 Mo/);
    await expect(fetchCalendar(`${base}/streamed-big.ics`, { maxBytes: 1000 })).rejects.toThrow(/dépasse 2 Mo/);
    expect((await fetchCalendar(`${base}/streamed-big.ics`, { maxBytes: 2000 })).status).toBe("ok");
  });

  it("gives up on a server that does not answer in time", async () => {
    await expect(fetchCalendar(`${base}/slow.ics`, { timeoutMs: 200 })).rejects.toThrow(/n'a pas répondu dans les 10 secondes/);
  });

  it("refuses other schemes and unreachable addresses", async () => {
    await expect(fetchCalendar("ftp://example.org/a.ics")).rejects.toThrow(/Seules les adresses/);
    await expect(fetchCalendar("pas une adresse")).rejects.toThrow(/n'est pas valide/);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchCalendar(`http://127.0.0.1:${port}/a.ics`)).rejects.toThrow(/connexion refusée/);
  });
});

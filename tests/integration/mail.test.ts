import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "../../src/server/db/schema/index.ts";
import { as, createTestApp, type TestApp } from "../helpers/test-app.ts";
import { buildWorld, type World } from "../helpers/world.ts";

/** A minimal SMTP server on loopback that records what it receives: the real protocol, no stand-in. */
function smtpServer() {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    let data = false;
    let buffer = "";
    socket.write("220 maillage-test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      if (data) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end === -1) return;
        received.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = false;
        socket.write("250 OK queued\r\n");
      }
      let newline = buffer.indexOf("\r\n");
      while (!data && newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250 maillage-test\r\n");
        else if (verb === "DATA") {
          data = true;
          socket.write("354 End data with <CR><LF>.<CR><LF>\r\n");
        } else if (verb === "QUIT") socket.end("221 Bye\r\n");
        else socket.write("250 OK\r\n");
        newline = buffer.indexOf("\r\n");
      }
    });
  });
  return { server, received };
}

const smtp = smtpServer();
let t: TestApp;
let w: World;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Maillage <test@maillage.local>" });
  w = await buildWorld(t.app, t.db);
});
afterAll(async () => {
  await t.close();
  smtp.server.close();
});

describe("mail through SMTP_URL", () => {
  it("delivers an invitation over SMTP and keeps a copy in the outbox", async () => {
    const res = await as(t.app, w.users.coordinator)("POST", `/api/consortia/${w.consortium.slug}/invitations`, {
      email: "smtp@exemple.fr",
      role: "member",
    });
    expect(res.statusCode).toBe(201);
    const message = smtp.received.find((m) => m.includes("smtp@exemple.fr"));
    expect(message).toBeDefined();
    expect(message).toMatch(/invitation/i);
    const rows = await t.db.select().from(outboxMessages);
    expect(rows.find((r) => r.to === "smtp@exemple.fr")).toMatchObject({ transport: "smtp", error: null });
  });
});

describe("mail when the SMTP server is unreachable", () => {
  it("keeps the invitation and records the failure instead of losing either", async () => {
    // A port nothing listens on: take one, then free it.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const down = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const world = await buildWorld(down.app, down.db);
      const res = await as(down.app, world.users.coordinator)("POST", `/api/consortia/${world.consortium.slug}/invitations`, {
        email: "perdu@exemple.fr",
        role: "member",
      });
      expect(res.statusCode).toBe(201);
      const list = (
        await as(down.app, world.users.coordinator)("GET", `/api/consortia/${world.consortium.slug}/invitations`)
      ).json();
      expect(list[0]).toMatchObject({ email: "perdu@exemple.fr", status: "pending" });
      const outbox = (await as(down.app, world.users.admin)("GET", "/api/admin/outbox")).json();
      expect(outbox[0]).toMatchObject({
        to: "perdu@exemple.fr",
        transport: "smtp",
        error: expect.stringMatching(/ECONNREFUSED|connect/i),
      });
    } finally {
      await down.close();
    }
  });
});

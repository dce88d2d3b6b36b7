import nodemailer from "nodemailer";
import type { Db } from "../db/client.ts";
import { outboxMessages } from "../db/schema/index.ts";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Every message is written to the outbox table first. With SMTP_URL it is then sent, and a failure is
 * recorded on the row instead of failing the action that caused it (an invitation still exists and can
 * be sent again). Without SMTP_URL the outbox page is the delivery (ADR 0007).
 */
export function createMailer(db: Db, options: { smtpUrl?: string; from: string }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(mail) {
      let error: string | null = null;
      if (transport) {
        try {
          await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
      }
      await db.insert(outboxMessages).values({ ...mail, transport: transport ? "smtp" : "outbox", error });
    },
  };
}

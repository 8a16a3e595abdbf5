// Sends the app's few e-mails (invitations, password reset links) through the shop's SMTP server,
// when it configured one (SMTP_* and MAIL_FROM, lib/env.ts). Mail is a convenience on top of the
// link the admin can always copy, so a failed send is logged and reported, never thrown.
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { MailContent } from "@/lib/mail/mail-templates";

/** "sent", "failed" (logged), or "off" when no mail server is configured. */
export type MailOutcome = "sent" | "failed" | "off";

export function isMailConfigured(settings: Env = env()): boolean {
  return Boolean(settings.MAIL_FROM && (settings.SMTP_URL || settings.SMTP_HOST));
}

function transportOptions(settings: Env): string | SMTPTransport.Options {
  if (settings.SMTP_URL) return settings.SMTP_URL;
  return {
    host: settings.SMTP_HOST,
    port: settings.SMTP_PORT ?? (settings.SMTP_SECURE ? 465 : 587),
    secure: settings.SMTP_SECURE ?? false,
    auth: settings.SMTP_USER ? { user: settings.SMTP_USER, pass: settings.SMTP_PASSWORD } : undefined,
  };
}

const cache = globalThis as unknown as { __mailTransport?: { key: string; transport: Transporter } };

/** One pooled transport per configuration (tests change the configuration between files). */
function transport(settings: Env): Transporter {
  const options = transportOptions(settings);
  const key = JSON.stringify(options);
  if (cache.__mailTransport?.key !== key) cache.__mailTransport = { key, transport: nodemailer.createTransport(options) };
  return cache.__mailTransport.transport;
}

export async function sendMail(to: string, content: MailContent): Promise<MailOutcome> {
  const settings = env();
  if (!isMailConfigured(settings)) return "off";
  try {
    await transport(settings).sendMail({ from: settings.MAIL_FROM, to, subject: content.subject, text: content.text });
    return "sent";
  } catch (error) {
    // The recipient's address is the shop's own data; the link in the body is never logged.
    logger.warn("mail not sent", { to, subject: content.subject, error });
    return "failed";
  }
}

// Email delivery through SMTP (nodemailer), when an SMTP server is configured. Sending is
// best-effort: a failed email is logged and never fails the action that caused it.
import type { Logger } from '@syncoxide/core';
import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpOptions {
  /** smtp://user:pass@host:port or smtps://… (nodemailer's connection URL). */
  url: string;
  /** Sender address, e.g. "syncoxide <no-reply@example.com>". */
  from: string;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export class Mailer {
  private readonly transport: Transporter;

  constructor(
    private readonly options: SmtpOptions,
    private readonly logger?: Logger,
  ) {
    this.transport = nodemailer.createTransport(options.url);
  }

  /** True when delivered to the SMTP server. */
  async send(email: Email): Promise<boolean> {
    try {
      await this.transport.sendMail({ from: this.options.from, ...email });
      return true;
    } catch (err) {
      this.logger?.warn({ err, to: email.to, subject: email.subject }, 'email not sent');
      return false;
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** SMTP settings from the environment (SYNCOXIDE_SMTP_URL, SYNCOXIDE_SMTP_FROM), or null. */
export function smtpFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpOptions | null {
  const url = env.SYNCOXIDE_SMTP_URL;
  if (!url) return null;
  return { url, from: env.SYNCOXIDE_SMTP_FROM ?? 'syncoxide <no-reply@syncoxide.local>' };
}

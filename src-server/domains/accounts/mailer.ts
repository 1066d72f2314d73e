import nodemailer from 'nodemailer';
import type { Logger } from '../../logger';

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The link the email is about, written to the hub log when no SMTP server is set. */
  readonly link: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

/**
 * SMTP through nodemailer when the hub has an SMTP URL; otherwise the link
 * goes to the hub log, where the teacher running the hub can read it out.
 */
export function createMailer(options: { smtpUrl?: string; from: string }, logger: Logger): Mailer {
  if (!options.smtpUrl) {
    return {
      async send(email) {
        logger.info(
          { to: email.to, subject: email.subject, link: email.link },
          `email not configured; link for ${email.to}: ${email.link}`,
        );
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(email) {
      await transport.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
      logger.info({ to: email.to, subject: email.subject }, 'email sent');
    },
  };
}

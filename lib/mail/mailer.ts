import nodemailer from "nodemailer";

export interface MailMessage {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation (METHOD:REQUEST or CANCEL), sent as the calendar part and a file. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  /** Stable per outbox row, so that a receiver can tell a repeated delivery. */
  messageId: string;
}

/** Sends one message; throws when the SMTP server does not accept it. */
export type Mailer = (message: MailMessage) => Promise<void>;

/** A mailer over SMTP (nodemailer), e.g. `smtp://user:pass@smtp.example.com:587`. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url, {
    // A stuck server must not hold a message's claim for long (see deliverDue).
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return async (message) => {
    await transport.sendMail({
      from: message.from,
      to: message.to,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      icalEvent: message.calendar && {
        method: message.calendar.method,
        filename: "invitation.ics",
        content: message.calendar.content,
      },
    });
  };
}

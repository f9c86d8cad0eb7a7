import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { AppointmentEmail, NoticeEmail, renderEmail } from "./emails";

const appointment = {
  locale: "fr",
  subject: "Demande reçue : Massage",
  greeting: "Bonjour <b>Eve</b> & Co,",
  lead: "Votre demande est reçue.",
  rows: [
    ["Prestation", "Massage"],
    ["Quand", "mardi 8 décembre à 10:00"],
  ] as [string, string][],
  colon: "\u00a0: ",
  manage: { label: "Gérer", url: "https://salon.example/manage/abc?tenant=x&y=1" },
  calendarNote: null,
  policy: null,
};

describe("e-mails", () => {
  it("escapes what customers typed in the HTML part and keeps it as typed in the text part", async () => {
    const { html, text } = await renderEmail(createElement(AppointmentEmail, appointment));
    expect(html).toContain("Bonjour &lt;b&gt;Eve&lt;/b&gt; &amp; Co,");
    expect(html).not.toContain("<b>Eve</b>");
    expect(html).toMatch(/<html[^>]* lang="fr"/);
    expect(text).toContain("Bonjour <b>Eve</b> & Co,");
  });

  it("derives the plain-text part from the same tree: every row, the link's address, no hidden preview", async () => {
    const { text } = await renderEmail(createElement(AppointmentEmail, appointment));
    expect(text).toContain("Prestation\u00a0: Massage");
    expect(text).toContain("Quand\u00a0: mardi 8 décembre à 10:00");
    expect(text).toContain("Gérer https://salon.example/manage/abc?tenant=x&y=1");
    // The heading keeps its case, and the preview (the same words) is not printed twice.
    expect(text.match(/Votre demande est reçue\./g)).toHaveLength(1);
  });

  it("makes a row's video link clickable, keeping the row's other words", async () => {
    const room = "https://meet.jit.si/Rendezvous-0123456789abcdef01234567";
    const { html, text } = await renderEmail(
      createElement(AppointmentEmail, {
        ...appointment,
        rows: [["Où", `En visio ${room}`]] as [string, string][],
      }),
    );
    expect(html).toMatch(new RegExp(`En visio <a href="${room}"[^>]*>${room}</a>`));
    expect(text).toContain(`Où\u00a0: En visio ${room}`);
  });

  it("shows a notice's link as a link, and its other lines as paragraphs", async () => {
    const url = "https://salon.example/reset-password/t0k3n";
    const { html, text } = await renderEmail(
      createElement(NoticeEmail, {
        locale: "en",
        subject: "Reset",
        lead: "Choose a new password",
        lines: [url, "Ignore this e-mail if you did not ask."],
        link: { label: "Choose a password", url },
      }),
    );
    expect(html).toContain(`href="${url}"`);
    expect(text).toContain(`Choose a password ${url}`);
    expect(text).toContain("Ignore this e-mail if you did not ask.");
  });
});

import { Body, Head, Heading, Html, Link, Preview, Section, Text } from "@react-email/components";
import { render, toPlainText } from "@react-email/render";
import type { ReactElement, ReactNode } from "react";

// The e-mails' markup, as typed components: React escapes every value, and the plain-text part is
// derived from the same tree, so the two parts cannot say different things.

const body = { fontFamily: "system-ui, sans-serif", color: "#1f2937", lineHeight: 1.5 };
const heading = { fontSize: "20px", fontWeight: 600 };
const link = { color: "#1d4ed8" };

function Layout(props: { locale: string; subject: string; preview: string; children: ReactNode }) {
  return (
    <Html lang={props.locale}>
      <Head>
        <title>{props.subject}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={body}>{props.children}</Body>
    </Html>
  );
}

export interface AppointmentEmailProps {
  locale: string;
  subject: string;
  greeting: string | null;
  lead: string;
  /** Label and value, one line each: what, when, with whom, where, contact or customer. */
  rows: [string, string][];
  /** ": " or, in French, a no-break space before the colon. */
  colon: string;
  manage: { label: string; url: string } | null;
  calendarNote: string | null;
  policy: { label: string; text: string } | null;
}

/** A row's text with its web address (a video room) as a link people can click. */
function Linked({ text }: { text: string }) {
  const url = /https:\/\/\S+/.exec(text)?.[0];
  if (!url) return text;
  const [before, after] = text.split(url);
  return (
    <>
      {before}
      <Link href={url} style={link}>
        {url}
      </Link>
      {after}
    </>
  );
}

export function AppointmentEmail(props: AppointmentEmailProps) {
  return (
    <Layout locale={props.locale} subject={props.subject} preview={props.lead}>
      {props.greeting && <Text>{props.greeting}</Text>}
      <Heading as="h1" style={heading}>
        {props.lead}
      </Heading>
      <Section>
        {props.rows.map(([label, value]) => (
          <Text key={label} style={{ margin: "4px 0" }}>
            <strong>
              {label}
              {props.colon}
            </strong>
            <Linked text={value} />
          </Text>
        ))}
      </Section>
      {props.manage && (
        <Text>
          <Link href={props.manage.url} style={link}>
            {props.manage.label}
          </Link>
        </Text>
      )}
      {props.calendarNote && <Text>{props.calendarNote}</Text>}
      {props.policy && (
        <Text>
          <strong>
            {props.policy.label}
            {props.colon}
          </strong>
          {props.policy.text}
        </Text>
      )}
    </Layout>
  );
}

export interface NoticeEmailProps {
  locale: string;
  subject: string;
  lead: string;
  /** Paragraphs after the lead; the link, when there is one, is a button-like link. */
  lines: string[];
  link: { label: string; url: string } | null;
}

export function NoticeEmail(props: NoticeEmailProps) {
  return (
    <Layout locale={props.locale} subject={props.subject} preview={props.lead}>
      <Heading as="h1" style={heading}>
        {props.lead}
      </Heading>
      {props.lines.map((line) =>
        line === props.link?.url ? (
          <Text key={line}>
            <Link href={line} style={link}>
              {props.link.label}
            </Link>
          </Text>
        ) : (
          <Text key={line}>{line}</Text>
        ),
      )}
    </Layout>
  );
}

// Headings keep their case (html-to-text would shout them); links print their address after
// their words, for mail readers that show the plain-text part.
const TEXT_OPTIONS = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "a", options: { linkBrackets: false as const, hideLinkHrefIfSameAsText: true } },
  ],
};

/** An e-mail's HTML and the plain-text part derived from it. */
export async function renderEmail(email: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(email);
  return { html, text: toPlainText(html, TEXT_OPTIONS).trim() };
}

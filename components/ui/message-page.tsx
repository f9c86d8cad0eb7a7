import Link from "next/link";
import { SkipLink } from "./skip-link";

/** A centred page with a title, a sentence and a way back: not-found, forbidden, errors. */
export function MessagePage({
  title,
  text,
  action,
}: {
  title: string;
  text: string;
  action?: { href: string; label: string };
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center [overflow-wrap:anywhere]"
    >
      <SkipLink />
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">{text}</p>
      {action ? (
        <Link className="font-medium text-brand-600 hover:underline" href={action.href}>
          {action.label}
        </Link>
      ) : null}
    </main>
  );
}

import Link from "next/link";

/** Previous and next links around "page n of m", for the dashboard's paged lists; none for one page. */
export function Pager({
  page,
  pages,
  href,
  labels,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { nav: string; previous: string; next: string; position: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 && (
        <Link className="underline" href={href(page - 1)}>
          {labels.previous}
        </Link>
      )}
      <span>{labels.position}</span>
      {page < pages && (
        <Link className="underline" href={href(page + 1)}>
          {labels.next}
        </Link>
      )}
    </nav>
  );
}

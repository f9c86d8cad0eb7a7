import type { ReactNode } from "react";

/** A titled panel of a page (a settings section, a figure, a form). */
export function Card(props: {
  /** The section's anchor (links to #id). */
  id?: string;
  title?: ReactNode;
  /** The heading's id, for the section's aria-labelledby. */
  titleId?: string;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={props.id}
      aria-labelledby={props.title ? props.titleId : undefined}
      className={`rounded-lg border border-slate-200 bg-white p-4 ${props.className ?? ""}`}
    >
      {props.title && (
        <h2 id={props.titleId} className="text-lg font-semibold">
          {props.title}
        </h2>
      )}
      {props.description && <p className="mt-1 text-sm text-slate-600">{props.description}</p>}
      {props.children}
    </section>
  );
}

/** What a list shows when it has nothing yet. */
export function EmptyState({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={`rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 ${className ?? ""}`}
    >
      {children}
    </div>
  );
}

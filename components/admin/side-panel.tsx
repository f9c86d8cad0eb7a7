"use client";

import { useEffect, useRef } from "react";

/**
 * The panel beside the calendar (below it on a phone): a titled card with a close button. It
 * comes into view and takes focus when it opens, so that a tap anywhere on the calendar shows
 * its result where the user is looking.
 */
export function SidePanel({
  titleId,
  title,
  closeLabel,
  onClose,
  children,
}: {
  titleId: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section
      aria-labelledby={titleId}
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={titleId} ref={heading} tabIndex={-1} className="text-lg font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
        >
          {closeLabel}
        </button>
      </div>
      {children}
    </section>
  );
}

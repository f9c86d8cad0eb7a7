"use client";

/** Prints the page (its print styles show what is meant to be printed). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 print:hidden"
    >
      {label}
    </button>
  );
}

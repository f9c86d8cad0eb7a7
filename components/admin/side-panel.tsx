/** The panel beside the calendar: a titled card with a close button. */
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
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold">
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

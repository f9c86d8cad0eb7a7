import { Field } from "@/components/ui/field";

const inputClass = "mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/**
 * A report's range of days, sent as `?from&to` to the page itself (a plain GET form: it works
 * without JavaScript); what follows the button (an export, quick ranges) comes as children.
 */
export function DateRangeForm({
  from,
  to,
  labels,
  children,
}: {
  from: string;
  to: string;
  labels: { from: string; to: string; show: string };
  children?: React.ReactNode;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <Field id="from" label={labels.from}>
        <input id="from" name="from" type="date" defaultValue={from} className={inputClass} />
      </Field>
      <Field id="to" label={labels.to}>
        <input id="to" name="to" type="date" defaultValue={to} className={inputClass} />
      </Field>
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        {labels.show}
      </button>
      {children}
    </form>
  );
}

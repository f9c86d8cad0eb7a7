import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

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
        <Input
          id="from"
          name="from"
          type="date"
          defaultValue={from}
          compact
          className="mt-1 text-sm"
        />
      </Field>
      <Field id="to" label={labels.to}>
        <Input id="to" name="to" type="date" defaultValue={to} compact className="mt-1 text-sm" />
      </Field>
      <button type="submit" className={buttonClass()}>
        {labels.show}
      </button>
      {children}
    </form>
  );
}

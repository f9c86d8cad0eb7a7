import type { ReactNode } from "react";

/**
 * A form field: its label, the control (children, whose id is `id`), a hint and an error below it.
 * The control should point at them with `fieldDescription(id, …)` (aria-describedby).
 */
export function Field(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={props.className}>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.children}
      {props.hint && (
        <p id={`${props.id}-hint`} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="mt-1 text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** What a Field's control says of itself: invalid, and described by its error or its hint. */
export function fieldDescription(id: string, options: { error?: unknown; hint?: unknown }) {
  const describedBy = options.error ? `${id}-error` : options.hint ? `${id}-hint` : undefined;
  return {
    "aria-invalid": options.error ? (true as const) : undefined,
    "aria-describedby": describedBy,
  };
}

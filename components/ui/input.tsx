import type { ComponentProps } from "react";

// One look for every control: a red border when its field is invalid (aria-invalid).
const control = "rounded-md border border-slate-300 aria-[invalid=true]:border-red-600";
const spacing = { md: "px-3 py-2", sm: "px-2 py-1.5" };

type Compact = { compact?: boolean };
const classOf = (compact: boolean | undefined, className = "") =>
  `${control} ${spacing[compact ? "sm" : "md"]} ${className}`.trim();

export function Input({ compact, className, ...props }: ComponentProps<"input"> & Compact) {
  return <input className={classOf(compact, className)} {...props} />;
}

export function Select({ compact, className, ...props }: ComponentProps<"select"> & Compact) {
  return <select className={classOf(compact, className)} {...props} />;
}

export function Textarea({ compact, className, ...props }: ComponentProps<"textarea"> & Compact) {
  return <textarea className={classOf(compact, className)} {...props} />;
}

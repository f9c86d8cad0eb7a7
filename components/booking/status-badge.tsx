import type { AppointmentStatus } from "@/db/schema";

const tones: Record<AppointmentStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  confirmed: "bg-emerald-100 text-emerald-900",
  cancelled: "bg-slate-200 text-slate-700",
  completed: "bg-sky-100 text-sky-900",
  no_show: "bg-red-100 text-red-900",
};

export function StatusBadge({ status, label }: { status: AppointmentStatus; label: string }) {
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${tones[status]}`}
    >
      {label}
    </span>
  );
}

/**
 * The outcome of something the user just did: announced politely when it went through (`status`),
 * at once when it did not (`alert`).
 */
export function Notice({
  kind,
  children,
  className = "",
}: {
  kind: "ok" | "error";
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <p
      role={kind === "error" ? "alert" : "status"}
      className={`rounded-md px-3 py-2 text-sm ${
        kind === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"
      } ${className}`}
    >
      {children}
    </p>
  );
}

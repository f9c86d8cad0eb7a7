"use client";

import { CopyField } from "@/components/ui/copy-field";

/** A signing secret in view this once, with what to do with it, ready to copy. */
export function SecretShownOnce({
  secret,
  message,
  labels,
}: {
  secret: string;
  message: string;
  labels: Record<string, string>;
}) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p role="status">{message}</p>
      {/* Keyed by the secret: each new one comes into view and takes focus. */}
      <CopyField
        key={secret}
        id="webhook-secret"
        label={labels.secret ?? "secret"}
        value={secret}
        copyLabel={labels.copy ?? "Copy"}
        copiedLabel={labels.copied ?? "Copied"}
        testId="webhook-secret"
        reveal
      />
    </div>
  );
}

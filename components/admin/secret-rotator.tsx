"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { SecretShownOnce } from "./secret-shown-once";

/**
 * The question before making a new signing secret, then the new secret, shown this once (it comes
 * back as the action's state, never in a URL).
 */
export function SecretRotator({
  action,
  keepHref,
  labels,
}: {
  action: (state: {
    secret?: string;
    error?: string;
  }) => Promise<{ secret?: string; error?: string }>;
  keepHref: string;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.secret) {
    return <SecretShownOnce secret={state.secret} message={labels.rotated ?? ""} labels={labels} />;
  }
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-sm"
    >
      <span role="alert" className="flex-1">
        {state.error ? labels["failure.failed"] : labels.rotateQuestion}
      </span>
      <button type="submit" disabled={pending} className={buttonClass("primary", "sm")}>
        {labels.rotateConfirm}
      </button>
      <Link href={keepHref} className={buttonClass("secondary", "sm")}>
        {labels.keep}
      </Link>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Refreshes the server-rendered page every `everyMs` while it is mounted, at most `times` times:
 * for a page waiting on something that happens elsewhere (Stripe's confirmation of a payment).
 */
export function RefreshWhile({
  everyMs = 2_000,
  times = 30,
}: {
  everyMs?: number;
  times?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    let left = times;
    const timer = setInterval(() => {
      if (left-- <= 0) clearInterval(timer);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, times]);
  return null;
}

"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { zoneCity as city } from "@/lib/i18n/format";

/**
 * Offers to show the times in the visitor's own zone when the browser's differs from the
 * business's (only the browser knows it), and the way back to the business's zone.
 */
export function ZoneSwitch({
  businessZone,
  shownZone,
  path,
  query,
  labels,
}: {
  businessZone: string;
  shownZone: string;
  path: string;
  query: Record<string, string>;
  /** Texts with a "{zone}" placeholder, translated on the server. */
  labels: { showMyZone: string; showBusinessZone: string };
}) {
  const [visitorZone, setVisitorZone] = useState<string | null>(null);
  useEffect(() => setVisitorZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);

  const href = (tz: string | null) => {
    const params = new URLSearchParams(query);
    if (tz) params.set("tz", tz);
    else params.delete("tz");
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };

  if (shownZone !== businessZone) {
    return (
      <Link href={href(null)} className="text-sm font-medium text-brand-700 underline">
        {labels.showBusinessZone.replace("{zone}", city(businessZone))}
      </Link>
    );
  }
  if (!visitorZone || visitorZone === businessZone) return null;
  return (
    <Link href={href(visitorZone)} className="text-sm font-medium text-brand-700 underline">
      {labels.showMyZone.replace("{zone}", city(visitorZone))}
    </Link>
  );
}

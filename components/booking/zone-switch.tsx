"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { hrefWith } from "@/lib/http/href-with";
import { zoneCity as city } from "@/lib/i18n/format";

const LINK_CLASS = "text-sm font-medium text-brand-700 underline";

/**
 * Offers to show the times in the visitor's own zone when the browser's differs from the
 * business's (only the browser knows it), and the way back to the business's zone.
 *
 * Until the browser's zone is known it renders an empty placeholder carrying what the link needs,
 * which the booking page's small script (it ships without React) fills in: see zone-script.ts.
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

  if (shownZone !== businessZone) {
    return (
      <Link href={hrefWith(path, query)} className={LINK_CLASS}>
        {labels.showBusinessZone.replace("{zone}", city(businessZone))}
      </Link>
    );
  }
  if (!visitorZone) {
    return (
      <span
        data-zone-switch={businessZone}
        data-href={hrefWith(path, query)}
        data-label={labels.showMyZone}
        data-class={LINK_CLASS}
      />
    );
  }
  if (visitorZone === businessZone) return null;
  return (
    <Link href={hrefWith(path, { ...query, tz: visitorZone })} className={LINK_CLASS}>
      {labels.showMyZone.replace("{zone}", city(visitorZone))}
    </Link>
  );
}

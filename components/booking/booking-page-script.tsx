/**
 * What JavaScript adds to the booking page, which ships without React (see
 * pages/book/[activityId].tsx): the visitor-zone link, and week and day paging in place. The
 * function is serialised into an inline <script>, so it must stay self-contained: no imports, no
 * outer variables.
 */
export function enhanceBookingPage() {
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const city = (zone: string) => (zone.split("/").pop() ?? zone).replaceAll("_", " ");

  // The placeholders ZoneSwitch renders before the browser's zone is known.
  const fillZoneSwitches = (root: ParentNode) => {
    for (const slot of root.querySelectorAll<HTMLElement>("[data-zone-switch]")) {
      if (!visitorZone || visitorZone === slot.dataset.zoneSwitch) continue;
      const url = new URL(slot.dataset.href ?? "", location.href);
      url.searchParams.set("tz", visitorZone);
      const link = document.createElement("a");
      link.href = url.pathname + url.search;
      link.className = slot.dataset.class ?? "";
      link.textContent = (slot.dataset.label ?? "").replace("{zone}", city(visitorZone));
      slot.replaceWith(link);
    }
  };

  const show = async (href: string, focusKind: string | null) => {
    const current = document.querySelector<HTMLElement>("[data-week-slots]");
    if (!current) return location.assign(href);
    current.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(href);
      const html = response.ok ? await response.text() : "";
      const next = new DOMParser()
        .parseFromString(html, "text/html")
        .querySelector<HTMLElement>("[data-week-slots]");
      if (!next) return location.assign(href);
      fillZoneSwitches(next);
      current.replaceWith(next);
      if (focusKind) {
        history.pushState(null, "", href);
        // Keep keyboard users where they were: on the same arrow, else on the new week's title.
        const target =
          focusKind === "day"
            ? next.querySelector<HTMLElement>('[aria-current="date"]')
            : next.querySelector<HTMLElement>(`[data-in-place="${focusKind}"]`);
        (target ?? next.querySelector<HTMLElement>("h2"))?.focus();
      }
    } catch {
      location.assign(href);
    }
  };

  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>("a[data-in-place]");
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (!link || event.defaultPrevented || event.button !== 0 || modified) return;
    event.preventDefault();
    void show(link.href, link.dataset.inPlace ?? "");
  });
  window.addEventListener("popstate", () => void show(location.href, null));
  fillZoneSwitches(document);
}

export function BookingPageScript({ nonce }: { nonce: string | undefined }) {
  return (
    <script
      // The page's Content-Security-Policy runs inline scripts only with its nonce.
      nonce={nonce}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own function's source, no input
      dangerouslySetInnerHTML={{ __html: `(${enhanceBookingPage.toString()})()` }}
    />
  );
}

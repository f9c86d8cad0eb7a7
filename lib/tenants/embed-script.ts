/**
 * The booking widget, run on the business's own site by its snippet:
 *   <script src="https://{business host}/embed.js" data-service="{id}" async></script>
 * It puts the business's booking page (the script's own origin and ?tenant=, if any) in a frame
 * right after the script tag, and sizes the frame to what the page inside reports (see
 * components/booking/embed-frame-script.tsx); messages from anywhere else are ignored. A page that
 * never reports (a site the business has not listed, whose frame the browser refuses) is replaced
 * by a plain link to the booking page, rather than left an empty box. Serialised as the body of
 * /embed.js: self-contained, no imports.
 */
export function mountBookingWidget() {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  const own = new URL(script.src);
  const page = new URL("/", own);
  own.searchParams.forEach((value, key) => {
    page.searchParams.set(key, value);
  });
  if (script.dataset.service) page.searchParams.set("service", script.dataset.service);
  const frame = document.createElement("iframe");
  frame.src = page.href;
  frame.title = script.dataset.title ?? "Booking";
  frame.style.cssText = "display:block;width:100%;height:640px;border:0;overflow:hidden";
  script.after(frame);
  let heard = false;
  window.addEventListener("message", (event) => {
    if (event.origin !== page.origin || event.source !== frame.contentWindow) return;
    const height = (event.data as { type?: string; height?: unknown } | null)?.height;
    if ((event.data as { type?: string })?.type !== "rendezvous:height") return;
    heard = true;
    if (typeof height === "number" && height > 0) frame.style.height = `${Math.ceil(height)}px`;
  });
  setTimeout(() => {
    if (heard) return;
    const link = document.createElement("a");
    link.href = page.href;
    link.textContent = script.dataset.linkText ?? frame.title;
    link.setAttribute("data-rendezvous-link", "");
    frame.replaceWith(link);
  }, 8000);
}

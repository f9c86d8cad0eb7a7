import { mountBookingWidget } from "@/lib/tenants/embed-script";

const body = `(${mountBookingWidget.toString()})();\n`;

// GET /embed.js – the booking widget's script, for a business's own site to include
export function GET() {
  return new Response(body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      // Loaded by other sites' pages.
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}

// GET /api/docs – the interactive API explorer, served entirely by the app

import { otherMethods } from "@/lib/http/other-methods";
import { NONCE_HEADER } from "@/lib/http/security-headers";
import { docsPage } from "@/lib/openapi/docs-page";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return new Response(docsPage(request.headers.get(NONCE_HEADER) ?? ""), {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

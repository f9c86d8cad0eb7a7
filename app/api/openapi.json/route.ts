// GET /api/openapi.json – the OpenAPI 3.1 document of this API, built from its zod schemas
import { otherMethods } from "@/lib/http/other-methods";
import { openApiDocument } from "@/lib/openapi/document";

export function GET() {
  return Response.json(openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

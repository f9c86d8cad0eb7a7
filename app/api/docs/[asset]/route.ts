// GET /api/docs/[asset] – the explorer's script and styles, from the installed swagger-ui-dist
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/other-methods";
import { docsAsset } from "@/lib/openapi/docs-page";

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }) {
  const asset = await docsAsset((await params).asset);
  if (!asset) return errorResponse(new AppError("NOT_FOUND"), "en");
  return new Response(new Uint8Array(asset.body), {
    headers: { "content-type": asset.type, "Cache-Control": "public, max-age=86400" },
  });
}

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

// GET /api/metrics – Prometheus metrics, for the holder of METRICS_TOKEN
import { metricsAccess } from "@/lib/auth/metrics-token";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/other-methods";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess(request);
  if (access !== "granted") {
    return errorResponse(
      new AppError(access === "unconfigured" ? "NOT_FOUND" : "UNAUTHORIZED"),
      "en",
    );
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType },
  });
}

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

// GET /api/health/detailed – readiness; database, latency, version and uptime for the metrics token
import { metricsAccess } from "@/lib/auth/metrics-token";
import { checkDatabase, checkHealth } from "@/lib/health";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const health =
    metricsAccess(request) === "granted"
      ? await checkHealth()
      : { status: (await checkDatabase()).status };
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

// GET /api/health/detailed – readiness; database, latency, version and uptime for the metrics token
import { metricsAccess } from "@/lib/auth/metrics-token";
import { checkDatabase, checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const health =
    metricsAccess(request) === "granted"
      ? await checkHealth()
      : { status: (await checkDatabase()).status };
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}

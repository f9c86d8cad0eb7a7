// GET /api/health – the process answers and its database too (503 when it does not)
import { checkDatabase } from "@/lib/health";
import { otherMethods } from "@/lib/http/other-methods";

export const dynamic = "force-dynamic";

export async function GET() {
  const { status } = await checkDatabase();
  return Response.json({ status }, { status: status === "ok" ? 200 : 503 });
}

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");

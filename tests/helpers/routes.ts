import { NextRequest } from "next/server";
import type { DatabaseHandle } from "@/db/client";
import { TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";

type Handler = (
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** Route handlers run in-process on a test database; proxy.ts's header is set as it would set it. */
export function useAppDatabase(handle: DatabaseHandle) {
  (globalThis as { __rendezvousDb?: Promise<DatabaseHandle> }).__rendezvousDb =
    Promise.resolve(handle);
}

export interface CallOptions {
  tenant: string;
  path?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  json: any;
}

export async function call(
  handler: Handler,
  method: string,
  options: CallOptions,
): Promise<CallResult> {
  const headers: Record<string, string> = { [TENANT_HEADER]: options.tenant, ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new NextRequest(`http://localhost:3000${options.path ?? "/api/test"}`, {
    method,
    headers,
    body,
  });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (text && !type.includes("application/json"))
    throw new Error(`not JSON (${type}): ${text.slice(0, 200)}`);
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  };
}

import type { NextRequest } from "next/server";
import type { ErrorCode } from "@/lib/errors/app-error";
import { MAX_BODY_BYTES, MAX_PAGE_BODY_BYTES } from "./body-limits";

/** Probes answer on any host: a load balancer checks an instance by its own address. */
const anyHost = /^\/api\/(health(\/detailed)?|metrics)$/;

/**
 * What makes a request unanswerable before any work (the server hook refused unknown methods): a
 * host that is not one of ours (in production: links must never be built on it); a body declared
 * larger than its route takes (refused before it is read; bodies without a length are cut off at
 * the same size by `proxyClientMaxBodySize` and by readJson); a path that is not valid
 * percent-encoding.
 */
export function requestProblem(
  request: NextRequest,
  isApi: boolean,
  foreignHost: boolean,
): ErrorCode | null {
  if (foreignHost && !anyHost.test(request.nextUrl.pathname)) return "MISDIRECTED_REQUEST";
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > (isApi ? MAX_BODY_BYTES : MAX_PAGE_BODY_BYTES)) return "PAYLOAD_TOO_LARGE";
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return "NOT_FOUND";
  }
  return null;
}

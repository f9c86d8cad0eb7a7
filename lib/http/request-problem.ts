import type { NextRequest } from "next/server";
import type { ErrorCode } from "@/lib/errors/app-error";
import { MAX_BODY_BYTES, MAX_PAGE_BODY_BYTES } from "./body-limits";

/**
 * What makes a request unanswerable before any work: a body declared larger than its route takes
 * (refused before it is read; bodies without a length are cut off at the same size by
 * `proxyClientMaxBodySize` and by readJson), or a path that is not valid percent-encoding.
 */
export function requestProblem(request: NextRequest, isApi: boolean): ErrorCode | null {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > (isApi ? MAX_BODY_BYTES : MAX_PAGE_BODY_BYTES)) return "PAYLOAD_TOO_LARGE";
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return "NOT_FOUND";
  }
  return null;
}

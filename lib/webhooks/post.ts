import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { isPublicAddress, publicOnlyLookup } from "./address-guard";

/** What an endpoint answered, or why it did not. */
export interface PostResult {
  status: number | null;
  body: string | null;
  /** Seconds its Retry-After header asked to wait, when it sent one. */
  retryAfter: number | null;
  durationMs: number;
  error: string | null;
}

/** How much of an answer is kept for the delivery log. */
export const KEPT_BODY_BYTES = 1024;
// More is not read: a receiver cannot make a worker hold a large answer in memory.
const READ_BYTES = 64 * 1024;

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  now?: () => number;
}

/** Seconds of a Retry-After header, given as seconds or as an HTTP date. */
export function retryAfterSeconds(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * POSTs a body with Node's own client: redirects are not followed (a 3xx is a failure, and cannot
 * lead somewhere the address guard would refuse), and the whole exchange is cut at the timeout.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  const clock = options.now ?? Date.now;
  const started = clock();
  const done = (partial: Partial<PostResult>): PostResult => ({
    status: null,
    body: null,
    retryAfter: null,
    error: null,
    ...partial,
    durationMs: Math.max(0, Math.round(clock() - started)),
  });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) {
    return Promise.resolve(done({ error: `${host} is a private or local address` }));
  }
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(options.timeoutMs),
        lookup: options.allowPrivate ? undefined : publicOnlyLookup,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve(
            done({
              status: res.statusCode ?? null,
              body: Buffer.concat(chunks).subarray(0, KEPT_BODY_BYTES).toString("utf8"),
              retryAfter: retryAfterSeconds(res.headers["retry-after"], clock()),
            }),
          );
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= READ_BYTES) chunks.push(chunk);
          else res.destroy();
        });
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    req.on("error", (error: Error & { code?: string }) =>
      resolve(
        done({
          error:
            error.name === "TimeoutError" || error.name === "AbortError"
              ? `no answer within ${options.timeoutMs / 1000} s`
              : error.message || error.code || "connection failed",
        }),
      ),
    );
    req.end(body);
  });
}

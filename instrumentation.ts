// Before the first request: hooks into the HTTP server (client address, request id, request logs
// and metrics, graceful shutdown), then opens, migrates and (on the embedded default) seeds the
// database, so that start-up problems show at start and the demo credentials are in the log.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installServerHooks } = await import("@/lib/http/server-hooks");
  installServerHooks();
  const { openDbOrExit } = await import("@/lib/db");
  await openDbOrExit();
}

// Before the first request: hooks into the HTTP server (client address, request id, request logs
// and metrics, graceful shutdown), then opens, migrates and (on the embedded default) seeds the
// database, so that start-up problems show at start and the demo credentials are in the log.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installServerHooks } = await import("@/lib/http/server-hooks");
  installServerHooks();
  const { getDb } = await import("@/lib/db");
  try {
    await getDb();
  } catch (error) {
    // A server without its database would answer 500 to everything: stop, and say why, so that a
    // supervisor restarts it (Next.js would otherwise keep serving).
    console.error(`rendezvous: cannot start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

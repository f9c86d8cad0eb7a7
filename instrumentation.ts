// Opens, migrates and (on the embedded default) seeds the database before the first request, so
// that start-up problems show at start and the demo credentials are in the start-up log.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db");
  await getDb();
}

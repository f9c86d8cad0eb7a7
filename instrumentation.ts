// Before the first request, in the Node.js runtime: see startServer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/boot/start-server");
  await startServer();
}

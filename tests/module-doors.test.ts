import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// Every module's door (lib/<module>/index.ts) is imported by the CLI and the seed in plain Node,
// not only by the server: nothing behind one may be request-bound ("server-only" throws outside a
// server render; the tests alias it away, so this runs in a process of its own, as the CLI does).
// Request-bound code lives in lib/access, which has no door.
const root = process.cwd();
const doors = readdirSync(path.join(root, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(root, "lib", entry.name, "index.ts"))
  .filter((door) => existsSync(door));

describe("module doors", () => {
  it("all load in plain Node, as the CLI loads them", async () => {
    expect(doors.length).toBeGreaterThan(15);
    const imports = doors.map((door) => `await import(${JSON.stringify(door)});`).join(" ");
    const script = `(async () => { ${imports} })().catch((e) => { console.error(e); process.exit(1); });`;
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const run = promisify(execFile)(tsx, ["--eval", script], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "test" },
    });
    await expect(run).resolves.toMatchObject({ stderr: "" });
  }, 60_000);
});

import { readFile } from "node:fs/promises";
import path from "node:path";

/** The files of swagger-ui-dist the docs page loads, all served by the app itself. */
const DOCS_ASSETS = new Map([
  ["swagger-ui.css", "text/css; charset=utf-8"],
  ["swagger-ui-bundle.js", "text/javascript; charset=utf-8"],
]);

/** One of those files, read from the installed package (no CDN: installs may have no internet). */
export async function docsAsset(name: string): Promise<{ body: Buffer; type: string } | null> {
  // A Map: a name such as "constructor" must not find an object's inherited member.
  const type = DOCS_ASSETS.get(name);
  if (!type) return null;
  const file = path.join(process.cwd(), "node_modules", "swagger-ui-dist", name);
  return { body: await readFile(file), type };
}

const escapeAttribute = (text: string) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The interactive explorer: Swagger UI on /api/openapi.json, its script allowed by this response's
 * nonce (the page's Content-Security-Policy refuses any other).
 */
export function docsPage(nonce: string): string {
  const n = escapeAttribute(nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rendezvous API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<main id="docs"></main>
<script nonce="${n}" src="/api/docs/swagger-ui-bundle.js"></script>
<script nonce="${n}">
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });
</script>
</body>
</html>
`;
}

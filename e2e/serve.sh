#!/usr/bin/env bash
# The e2e server: a production build on a throw-away embedded database holding the demo business
# (seeded by the CLI) and each spec's own businesses (e2e/seed.ts).
set -euo pipefail
npx next build
npm run -s cli -- demo seed
npx tsx e2e/seed.ts
# Idle connections live longer than any client keeps them (Node's 5 s default races with reuse:
# a request sent on a socket the server is closing gets ECONNRESET).
exec npx next start --keepAliveTimeout 70000

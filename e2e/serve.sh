#!/usr/bin/env bash
# The e2e server: a production build on a throw-away embedded database holding the demo business
# and a second one ("acme", English, New York) for cross-tenant tests.
set -euo pipefail
npx next build
npm run -s cli -- demo seed
npm run -s cli -- tenant create --slug acme --name "Acme Wellness" --timezone America/New_York \
  --locale en --owner-email owner@acme.test --owner-password acme-owner-pass
npm run -s cli -- user create --tenant demo --email staff@demo.rendezvous.test \
  --password demo-staff-pass --role staff
# Keys for the API tests, kept beside the throw-away database.
npm run -s cli -- apikey create --tenant demo --name e2e | tail -n 1 > "$DATA_DIR/demo.key"
npm run -s cli -- apikey create --tenant acme --name e2e | tail -n 1 > "$DATA_DIR/acme.key"
exec npx next start

#!/usr/bin/env bash
# The e2e server: a production build on a throw-away embedded database holding the demo business
# and a second one ("acme", English, New York) for cross-tenant tests.
set -euo pipefail
npx next build
npm run -s cli -- demo seed
npm run -s cli -- tenant create --slug acme --name "Acme Wellness" --timezone America/New_York \
  --locale en --owner-email owner@acme.test --owner-password acme-owner-pass
# Businesses of their own for the public booking journeys, so that no other spec changes them meanwhile.
npm run -s cli -- tenant create --slug studio --name "Studio Nord" --timezone America/New_York \
  --locale en --owner-email owner@studio.test --owner-password studio-owner-pass
npm run -s cli -- tenant create --slug allday --name "Open All Day" --timezone Europe/Paris \
  --locale en --owner-email owner@allday.test --owner-password allday-owner-pass
npm run -s cli -- tenant create --slug quiet --name "Quiet Clinic" --timezone Europe/Paris \
  --locale fr --owner-email owner@quiet.test --owner-password quiet-owner-pass
# The dashboard spec's own business, empty at first: the owner builds it through the dashboard.
npm run -s cli -- tenant create --slug atelier --name "Atelier Lumière" --timezone Europe/Paris \
  --locale fr --owner-email owner@atelier.test --owner-password atelier-owner-pass
# The first-hour spec's business: created from the CLI and reached without subdomains.
npm run -s cli -- tenant create --slug bloom --name "Bloom Therapy" --timezone America/Chicago \
  --locale en --owner-email owner@bloom.test --owner-password bloom-owner-pass
# The staff spec's salon: its owner adds the team through the dashboard.
npm run -s cli -- tenant create --slug nova --name "Salon Nova" --timezone Europe/Paris \
  --locale en --owner-email owner@nova.test --owner-password nova-owner-pass --owner-name "Nora Owner"
# The places spec's studio: rooms, a second (online) location and a class with seats.
npm run -s cli -- tenant create --slug lumen --name "Lumen Yoga" --timezone Europe/Paris \
  --locale en --owner-email owner@lumen.test --owner-password lumen-owner-pass --owner-name "Lea Teacher"
# The payments spec's studio: its owner sets a paid service up; its customer pays on the fake Checkout.
npm run -s cli -- tenant create --slug paystudio --name "Pay Studio" --timezone Europe/Paris \
  --locale en --owner-email owner@paystudio.test --owner-password paystudio-owner-pass
# The webhooks spec's shop: its owner connects an endpoint through the dashboard.
npm run -s cli -- tenant create --slug hookshop --name "Hook Shop" --timezone Europe/Paris \
  --locale en --owner-email owner@hookshop.test --owner-password hookshop-owner-pass
# The customers spec's salon, reached with ?tenant=.
npm run -s cli -- tenant create --slug regulars --name "Regulars Salon" --timezone Europe/Paris \
  --locale en --owner-email owner@regulars.test --owner-password regulars-owner-pass
# The widget spec's shop: its booking pages are framed by a page of another origin.
npm run -s cli -- tenant create --slug widgetshop --name "Widget Shop" --timezone Europe/Paris \
  --locale fr --owner-email owner@widgetshop.test --owner-password widgetshop-owner-pass
npm run -s cli -- user create --tenant atelier --email staff@atelier.test \
  --password atelier-staff-pass --role staff
npm run -s cli -- user create --tenant demo --email staff@demo.rendezvous.test \
  --password demo-staff-pass --role staff
# Keys for the API tests, kept beside the throw-away database.
npm run -s cli -- apikey create --tenant demo --name e2e | tail -n 1 > "$DATA_DIR/demo.key"
for tenant in acme studio allday quiet nova lumen paystudio hookshop regulars widgetshop; do
  npm run -s cli -- apikey create --tenant "$tenant" --name e2e | tail -n 1 > "$DATA_DIR/$tenant.key"
done
# Idle connections live longer than any client keeps them (Node's 5 s default races with reuse:
# a request sent on a socket the server is closing gets ECONNRESET).
exec npx next start --keepAliveTimeout 70000

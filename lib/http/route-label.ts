import { SECRET_TOKEN } from "@/lib/crypto/secret-token";

// The route a path belongs to, as metrics and logs name it: ids and tokens replaced, anything
// unknown folded into "other" so that random paths cannot grow the metrics without bound.
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const TOKEN = SECRET_TOKEN;

const routes: Array<[RegExp, string]> = [
  [/^\/api\/appointments\/activities\/public$/, "/api/appointments/activities/public"],
  [new RegExp(`^/api/appointments/activities/${UUID}$`), "/api/appointments/activities/:id"],
  [/^\/api\/appointments\/activities$/, "/api/appointments/activities"],
  [/^\/api\/appointments\/availability\/slots$/, "/api/appointments/availability/slots"],
  [/^\/api\/appointments\/availability$/, "/api/appointments/availability"],
  [/^\/api\/appointments\/calendar$/, "/api/appointments/calendar"],
  [new RegExp(`^/api/appointments/${UUID}/status$`), "/api/appointments/:id/status"],
  [new RegExp(`^/api/appointments/${UUID}$`), "/api/appointments/:id"],
  [/^\/api\/appointments$/, "/api/appointments"],
  [/^\/api\/settings\/appointment-module$/, "/api/settings/appointment-module"],
  [/^\/api\/health(\/detailed)?$/, "$&"],
  [/^\/api\/metrics$/, "/api/metrics"],
  [/^\/api\/auth\/[a-z/-]+$/, "/api/auth/*"],
  [new RegExp(`^/book/${UUID}(/details)?$`), "/book/:id$1"],
  [
    new RegExp(
      `^/manage/(${TOKEN}|acc\\.${UUID}\\.${UUID}\\.${TOKEN})(/reschedule|/booking\\.ics)?$`,
    ),
    "/manage/:token$2",
  ],
  [new RegExp(`^/review/${TOKEN}$`), "/review/:token"],
  [/^\/account(\/my-data\.json)?$/, "$&"],
  [new RegExp(`^/account/payments/${UUID}/receipt\\.pdf$`), "/account/payments/:id/receipt.pdf"],
  [/^\/api\/customer\/auth\/(code|verify)$/, "$&"],
  [/^\/api\/me(\/appointments|\/payments|\/sign-out)?$/, "$&"],
  [new RegExp(`^/api/me/payments/${UUID}/receipt\\.pdf$`), "/api/me/payments/:id/receipt.pdf"],
  [new RegExp(`^/admin/activities/${UUID}$`), "/admin/activities/:id"],
  [
    /^\/admin(\/(activities\/new|activities|appointments(\/export)?|availability|settings(\/audit)?))?$/,
    "$&",
  ],
  [/^\/(login)?$/, "$&"],
  [/^\/_next\//, "/_next"],
];

export function routeLabel(pathname: string): string {
  for (const [pattern, label] of routes) {
    if (pattern.test(pathname)) return pathname.replace(pattern, label);
  }
  return "other";
}

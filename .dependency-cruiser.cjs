/**
 * The walls between the code's parts (docs/architecture.md). `npm run lint` runs this and fails on
 * any violation; no rule is switched off for any file.
 */
const PLATFORM =
  "^(db/|lib/(http|api|errors|i18n|mail|jobs|csv|cache|crypto|rate-limit)/|lib/(logger|env|db|metrics|validation)\\.ts$)";
const DOMAIN =
  "^lib/(access|accounts|activities|admin|api-keys|appointments|audit|auth|availability|booking|calendar|catalog|classes|customers|demo|locations|messages|outbox|offer|openapi|payments|resources|reviews|signup|staff|statistics|tenants|users|webhooks)/";

module.exports = {
  forbidden: [
    {
      name: "engine-is-pure",
      comment: "The slot engine takes plain data and returns slots: date libraries only.",
      severity: "error",
      from: { path: "^lib/scheduling/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: [
          "^lib/scheduling/",
          "node_modules/(date-fns|date-fns-tz|@date-fns/[^/]+|lru-cache)/",
        ],
      },
    },
    {
      name: "components-not-app",
      comment: "Components are used by routes, never the reverse way round.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "platform-not-domain",
      comment: "The platform layer serves every module and knows none.",
      severity: "error",
      from: { path: PLATFORM },
      to: { path: DOMAIN },
    },
    {
      name: "one-door-per-module",
      comment:
        "A module reaches another through its index.ts, never its files: what is not exported there is the module's own business.",
      severity: "error",
      from: { path: "^(lib/([^/]+))/", pathNot: "\\.test\\.tsx?$" },
      to: {
        path: DOMAIN,
        pathNot: ["^$1/", "^lib/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "boot-is-the-root",
      comment: "Where the server's parts meet (instrumentation.ts's start-up): nothing imports it.",
      severity: "error",
      from: { pathNot: "^(instrumentation\\.ts|lib/boot/)" },
      to: { path: "^lib/boot/" },
    },
    {
      name: "modules-not-routes",
      comment: "lib/ is what routes and components use; it knows neither.",
      severity: "error",
      from: { path: "^(lib|db)/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "no-circular",
      comment: "A circle of imports makes every file in it depend on all the others.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)(\\.next|node_modules)/" },
  },
};

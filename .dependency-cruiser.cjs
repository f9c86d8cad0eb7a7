/**
 * The walls between the code's parts (docs/architecture.md). `npm run lint` runs this: an "error"
 * fails it; a "warn" is a wall not standing yet, reported until the code is cut to hold it.
 */
const PLATFORM =
  "^(db/|lib/(http|api|errors|i18n|mail|jobs|csv|cache|crypto|rate-limit)/|lib/(logger|env|db|metrics|money|validation)\\.ts$)";
const DOMAIN =
  "^lib/(activities|admin|api-keys|appointments|audit|auth|availability|classes|customers|locations|messages|offer|openapi|payments|resources|signup|staff|statistics|tenants|users|webhooks)/";

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
      severity: "warn",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "platform-not-domain",
      comment: "The platform layer serves every module and knows none.",
      severity: "warn",
      from: { path: PLATFORM },
      to: { path: DOMAIN },
    },
    {
      name: "no-circular",
      comment: "A circle of imports makes every file in it depend on all the others.",
      severity: "warn",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)(\\.next|node_modules)/" },
  },
};

export * from "./audit-trail";
export * from "./record-audit";

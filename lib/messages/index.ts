export * from "./outbox";
export * from "./worker";

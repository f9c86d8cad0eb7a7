export * from "./appointment-events";
export * from "./event-types";
export * from "./schema";
export * from "./worker";

export * from "./booking-context";
export * from "./booking-week";
export * from "./find-slots";
export * from "./visit-offer";

export * from "./checkout";
export * from "./describe";
export * from "./hold";
export * from "./refunds";
export * from "./rule";
export * from "./stripe";
export * from "./worker";

export * from "./customer-cte";
export * from "./customers";
export * from "./schema";
export * from "./worker";

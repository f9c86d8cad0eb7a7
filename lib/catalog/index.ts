export * from "./live-rows";

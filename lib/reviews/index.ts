export * from "./invitations";
export * from "./reviews";
export * from "./worker";

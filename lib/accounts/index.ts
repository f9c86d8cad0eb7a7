export * from "./my-appointments";
export * from "./my-payments";
export * from "./profile";
export * from "./receipt-pdf";
export * from "./sign-in-codes";
export * from "./sign-in-limits";

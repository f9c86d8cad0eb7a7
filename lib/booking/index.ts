export * from "./book-appointment";

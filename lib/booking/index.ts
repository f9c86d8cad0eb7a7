export * from "./book-appointment";
export { accountManageToken } from "./manage-token";

import { notFound } from "next/navigation";

/**
 * Refuses a server action's call whose arguments are not what the app's own pages send (a forged
 * request naming a real action): a 404, where a thrown error would be answered 500.
 */
export function expectArgs(sentByOurPages: boolean): void {
  if (!sentByOurPages) notFound();
}

export const isForm = (value: unknown): value is FormData => value instanceof FormData;

export const isFormState = (value: unknown): value is { attempt: number } =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { attempt?: unknown }).attempt === "number";

export const isText = (value: unknown): value is string => typeof value === "string";

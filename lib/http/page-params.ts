import { isTimeZone } from "@/lib/i18n/time-zones";

export { orUndefinedIfNotFound } from "@/lib/errors/app-error";
export { hrefWith } from "./href-with";

type SearchParamValue = string | string[] | undefined;
export type SearchParams = Record<string, SearchParamValue>;

/** A query parameter's single value; repeated or missing ones count as absent. */
export const firstParam = (value: SearchParamValue): string | undefined =>
  typeof value === "string" ? value : undefined;

/** `?page=` of a paged list: a whole number from 1 to 10,000, 1 when missing or unusable. */
export const pageParam = (value: SearchParamValue): number =>
  Math.max(1, Math.min(10_000, Number(firstParam(value)) || 1));

/**
 * The zone a page shows times in (`zone`): the business's, unless the visitor asked for another
 * valid one (`?tz=`, which the zone switch sets from the browser's zone); and the `tz` its links
 * carry on, set only in that second case.
 */
export function displayZone(
  businessZone: string,
  requested: string | undefined,
): { zone: string; tz: string | undefined } {
  return requested && requested !== businessZone && isTimeZone(requested)
    ? { zone: requested, tz: requested }
    : { zone: businessZone, tz: undefined };
}

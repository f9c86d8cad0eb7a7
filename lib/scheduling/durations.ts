// Fixed lengths of time in milliseconds, for instants' arithmetic. A calendar day or hour of a
// time zone is not always this long: walk those with calendar-day.ts.
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

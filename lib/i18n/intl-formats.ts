import { LRUCache } from "lru-cache";

// Building an Intl formatter costs ICU about 26 KB of native memory that V8 does not count, given
// back only when a garbage collection happens to run: one formatter per formatted time grew a
// server by about 10 MB per booking page rendered. Formatters are immutable, so one per locale and
// options serves every call. The bound only matters for zones a visitor picks (about 600 exist).
const formats = new LRUCache<string, Intl.DateTimeFormat | Intl.NumberFormat>({ max: 2_000 });

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** `new Intl.DateTimeFormat(locale, options)`, built once; throws RangeError like it. */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** `new Intl.NumberFormat(locale, options)`, built once; throws RangeError like it. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

// Apart from page-params.ts so that client components can use it without its server imports.

/**
 * A path with the given query parameters, the empty ones left out; parameters the path already
 * carries are kept (a page's own, such as the staff member chosen) unless given again.
 */
export function hrefWith(path: string, params: Record<string, string | null | undefined>): string {
  const [base, existing] = path.split("?", 2);
  const query = new URLSearchParams(existing);
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${base}?${text}` : (base as string);
}

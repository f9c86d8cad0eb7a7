/** Nested messages as one flat record with dotted keys, for client components given texts as props. */
export function flattenMessages(tree: unknown, prefix = ""): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat[path] = value;
    else Object.assign(flat, flattenMessages(value, path));
  }
  return flat;
}

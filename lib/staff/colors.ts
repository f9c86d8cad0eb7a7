// Distinct colours for a team, in the order new staff members get them: people are told apart
// in the calendar by colour, so the next one takes the first colour nobody has yet.
const palette = [
  "#2563eb",
  "#16a34a",
  "#db2777",
  "#ea580c",
  "#7c3aed",
  "#0891b2",
  "#ca8a04",
  "#dc2626",
  "#4f46e5",
  "#0d9488",
];

export function nextStaffColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return palette.find((c) => !taken.has(c)) ?? palette[used.length % palette.length] ?? "#2563eb";
}

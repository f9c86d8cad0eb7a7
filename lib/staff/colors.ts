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

function nextColor(order: readonly string[], used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return order.find((c) => !taken.has(c)) ?? order[used.length % order.length] ?? "#2563eb";
}

export const nextStaffColor = (used: readonly string[]) => nextColor(palette, used);

// Services take the palette from its other end, so the first service is not the first person's
// colour, and each new one differs from the services before it.
const servicePalette = palette.toReversed();
export const nextServiceColor = (used: readonly string[]) => nextColor(servicePalette, used);

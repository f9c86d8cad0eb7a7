/** "HH:mm" wall-clock times ⇄ minutes since local midnight; "24:00" is the end of the day. */
const HM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export const isClockTime = (value: string) => HM.test(value);

export function parseClockTime(value: string): number {
  const match = HM.exec(value);
  if (!match) throw new RangeError(`not an HH:mm time: ${value}`);
  return match[1] === undefined ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

export function formatClockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

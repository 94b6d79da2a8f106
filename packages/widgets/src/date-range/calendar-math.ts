/** A calendar day, `YYYY-MM-DD`. */
export type DayKey = string;

/** `YYYY-MM-DD` of a year, month (1–12) and day. */
export function dayKey(year: number, month: number, day: number): DayKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year, month (1–12) and day of a key. */
export function parseDayKey(key: DayKey): { year: number; month: number; day: number } {
  const [year, month, day] = key.split('-').map(Number);
  return { year, month, day };
}

/** The day `days` after `key` (negative: before). */
export function addDays(key: DayKey, days: number): DayKey {
  const { year, month, day } = parseDayKey(key);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return dayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The first day of the month `months` after the month of `key`. */
export function addMonths(key: DayKey, months: number): DayKey {
  const { year, month } = parseDayKey(key);
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return dayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** `YYYY-MM` of a day. */
export function monthOf(key: DayKey): string {
  return key.slice(0, 7);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(key: DayKey): number {
  const { year, month, day } = parseDayKey(key);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/**
 * The weeks of a month's grid: each a list of seven days (days of the neighbouring months fill
 * the first and last weeks), starting on `weekStartsOn` (1 = Monday).
 */
export function monthGrid(month: string, weekStartsOn = 1): DayKey[][] {
  const first = `${month}-01`;
  const lead = (weekdayOf(first) - weekStartsOn + 7) % 7;
  let day = addDays(first, -lead);
  const weeks: DayKey[][] = [];
  do {
    const week: DayKey[] = [];
    for (let index = 0; index < 7; index += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (monthOf(day) === month);
  return weeks;
}

/** Epoch ms of a day's UTC midnight, for formatting a calendar date with `timeZone: 'UTC'`. */
export function utcOf(key: DayKey): number {
  const { year, month, day } = parseDayKey(key);
  return Date.UTC(year, month - 1, day);
}

// The timeline's headings: months and days cut on each photo's local time (the wall clock where
// it was taken), so a photo taken just after midnight abroad sits under its own day wherever the
// browser is.
import { dayText, localParts, monthText } from "./local-time";

export type DayGroup<T> = { key: string; heading: string; photos: { index: number; item: T }[] };
export type MonthGroup<T> = { key: string; heading: string; days: DayGroup<T>[] };

const byKeyNewestFirst = (a: { key: string }, b: { key: string }) => (a.key === b.key ? 0 : a.key === "" ? 1 : b.key === "" ? -1 : a.key < b.key ? 1 : -1);

/**
 * `items` (in list order: newest instant first) under month groups ("2024-08", "August 2024")
 * holding day groups ("2024-08-01", "Thursday, 1 August 2024"), newest first; photos without a
 * local time under one "No date" group last, whose one day group has key and heading "".
 * Each photo keeps its `index` in `items`. The list is ordered by the true instant, so near
 * midnight in different zones a day can come back after a later one: it joins its group.
 */
export function groupByLocalDay<T extends { takenAtLocal: string | null }>(items: T[]): MonthGroup<T>[] {
  const months = new Map<string, MonthGroup<T> & { byDay: Map<string, DayGroup<T>> }>();
  items.forEach((item, index) => {
    const parts = item.takenAtLocal ? localParts(item.takenAtLocal) : null;
    const monthKey = parts ? `${parts.year}-${String(parts.month).padStart(2, "0")}` : "";
    const dayKey = parts ? `${monthKey}-${String(parts.day).padStart(2, "0")}` : "";
    let month = months.get(monthKey);
    if (!month) {
      month = { key: monthKey, heading: parts ? monthText(parts) : "No date", days: [], byDay: new Map() };
      months.set(monthKey, month);
    }
    let day = month.byDay.get(dayKey);
    if (!day) {
      day = { key: dayKey, heading: parts ? dayText(parts) : "", photos: [] };
      month.byDay.set(dayKey, day);
      month.days.push(day);
    }
    day.photos.push({ index, item });
  });
  return [...months.values()]
    .sort(byKeyNewestFirst)
    .map(({ key, heading, days }) => ({ key, heading, days: days.sort(byKeyNewestFirst) }));
}

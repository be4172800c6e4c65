// Which photos of a timeline are selected: a set of ids, changed by a click on a check mark,
// a shift-click (the range from the last clicked photo, in the order shown) or a day's check.

/** `selected` with `id` added, or removed when it was there. */
export function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** The ids from `from` to `to` in `order`, both included, in either direction; just `to` when
 *  `from` is not (or no longer) in `order`, nothing when `to` is not. */
export function rangeIds(order: readonly string[], from: string | null, to: string): string[] {
  const end = order.indexOf(to);
  if (end < 0) return [];
  const start = from === null ? -1 : order.indexOf(from);
  if (start < 0) return [to];
  return order.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** A shift-click on `to`: the range from the last clicked `from` joins the selection (a click
 *  on a selected photo with shift clears the range instead, as file managers do). */
export function withRange(selected: ReadonlySet<string>, order: readonly string[], from: string | null, to: string): Set<string> {
  const ids = rangeIds(order, from, to);
  const next = new Set(selected);
  const adding = !selected.has(to);
  for (const id of ids) {
    if (adding) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** A day's check: every id of the day selected, or, when all were, none of them. */
export function withAllOrNone(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  const all = ids.every((id) => selected.has(id));
  for (const id of ids) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** Whether every one of `ids` (at least one) is selected. */
export const allSelected = (selected: ReadonlySet<string>, ids: readonly string[]) => ids.length > 0 && ids.every((id) => selected.has(id));

/** `ids` in pieces of at most `size` (the bulk procedures take 1-500 ids a call). */
export function chunked<T>(ids: readonly T[], size = 500): T[][] {
  const pieces: T[][] = [];
  for (let i = 0; i < ids.length; i += size) pieces.push(ids.slice(i, i + size));
  return pieces;
}

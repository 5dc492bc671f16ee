/**
 * Sorting a console table by a column header: a tap on a new column sorts by it (figures largest first, names
 * A→Z), a second tap on the same column reverses it. Pure, so the mini-program and H5 sort alike.
 */
export type SortDirection = 'asc' | 'desc';
export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}
export type SortValue = number | string | null | undefined;

/** The sort after a tap on `key`'s header. */
export function nextSort<K extends string>(current: SortState<K> | null, key: K, firstDirection: SortDirection): SortState<K> {
  if (current?.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: firstDirection };
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/**
 * The rows in the sort's order (a copy; ties keep their order). A missing value (a rate with nothing to rate)
 * goes last in both directions: "no data" is neither the best nor the worst.
 */
export function sortRows<T, K extends string>(rows: readonly T[], sort: SortState<K> | null, cellValue: (row: T, key: K) => SortValue): T[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: cellValue(row, sort.key) }))
    .sort((a, b) => {
      const aMissing = a.value === null || a.value === undefined || Number.isNaN(a.value);
      const bMissing = b.value === null || b.value === undefined || Number.isNaN(b.value);
      if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((x) => x.row);
}

/** The header's aria-sort. */
export const ariaSort = <K extends string>(sort: SortState<K> | null, key: K): 'ascending' | 'descending' | 'none' => (sort?.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none');

/** The arrow after the header's label: ↑ ascending, ↓ descending, ↕ sortable but not sorted by. */
export const sortArrow = <K extends string>(sort: SortState<K> | null, key: K): string => (sort?.key === key ? (sort.direction === 'asc' ? '↑' : '↓') : '↕');

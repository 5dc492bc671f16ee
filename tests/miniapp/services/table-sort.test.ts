import { ariaSort, nextSort, sortArrow, sortRows, type SortState } from '../../../miniapp/src/services/table-sort';

type Row = { name: string; appeals: number; rate: number | null };
const ROWS: Row[] = [
  { name: '朝天门派出所', appeals: 12, rate: 0.9 },
  { name: '解放碑派出所', appeals: 30, rate: null },
  { name: '大坪派出所', appeals: 12, rate: 0.75 },
  { name: '化龙桥派出所', appeals: 5, rate: 1 },
];
const cellValue = (r: Row, key: 'name' | 'appeals' | 'rate') => r[key];
const names = (rows: Row[]) => rows.map((r) => r.name);

describe('sorting a console table by its headers', () => {
  it('starts a new column in its first direction and reverses on a second tap', () => {
    const first = nextSort<'appeals' | 'name'>(null, 'appeals', 'desc');
    expect(first).toEqual({ key: 'appeals', direction: 'desc' });
    expect(nextSort(first, 'appeals', 'desc')).toEqual({ key: 'appeals', direction: 'asc' });
    expect(nextSort(nextSort(first, 'appeals', 'desc'), 'appeals', 'desc')).toEqual({ key: 'appeals', direction: 'desc' });
    expect(nextSort(first, 'name', 'asc')).toEqual({ key: 'name', direction: 'asc' });
  });

  it('sorts figures, keeping ties in their order, without touching the input', () => {
    const input = [...ROWS];
    expect(names(sortRows(input, { key: 'appeals', direction: 'desc' }, cellValue))).toEqual(['解放碑派出所', '朝天门派出所', '大坪派出所', '化龙桥派出所']);
    expect(names(sortRows(input, { key: 'appeals', direction: 'asc' }, cellValue))).toEqual(['化龙桥派出所', '朝天门派出所', '大坪派出所', '解放碑派出所']);
    expect(input).toEqual(ROWS);
    expect(names(sortRows(input, null, cellValue))).toEqual(names(ROWS));
  });

  it('puts a missing figure last in both directions', () => {
    expect(names(sortRows(ROWS, { key: 'rate', direction: 'desc' }, cellValue))).toEqual(['化龙桥派出所', '朝天门派出所', '大坪派出所', '解放碑派出所']);
    expect(names(sortRows(ROWS, { key: 'rate', direction: 'asc' }, cellValue))).toEqual(['大坪派出所', '朝天门派出所', '化龙桥派出所', '解放碑派出所']);
  });

  it('sorts Chinese names in pinyin order', () => {
    expect(names(sortRows(ROWS, { key: 'name', direction: 'asc' }, cellValue))).toEqual(['朝天门派出所', '大坪派出所', '化龙桥派出所', '解放碑派出所']);
  });

  it('tells screen readers and the eye how a column is sorted', () => {
    const sort: SortState<'name' | 'appeals'> = { key: 'appeals', direction: 'asc' };
    expect([ariaSort(sort, 'appeals'), ariaSort({ ...sort, direction: 'desc' }, 'appeals'), ariaSort(sort, 'name'), ariaSort(null, 'name')]).toEqual(['ascending', 'descending', 'none', 'none']);
    expect([sortArrow(sort, 'appeals'), sortArrow({ ...sort, direction: 'desc' }, 'appeals'), sortArrow(sort, 'name')]).toEqual(['↑', '↓', '↕']);
  });
});

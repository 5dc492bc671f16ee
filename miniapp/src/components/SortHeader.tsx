import { Text, View } from '@tarojs/components';
import './SortHeader.scss';
import { ariaSort, nextSort, sortArrow, type SortDirection, type SortState } from '../services/table-sort';

export interface SortHeaderProps<K extends string> {
  column: K;
  label: string;
  sort: SortState<K> | null;
  onSort: (sort: SortState<K>) => void;
  /** The direction of the first click: figures and times largest/latest first, names A→Z. */
  firstDirection: SortDirection;
  className?: string;
}

/** A column header that sorts its table: click to sort, again to reverse; aria-sort and an arrow say how. */
export function SortHeader<K extends string>({ column, label, sort, onSort, firstDirection, className = '' }: SortHeaderProps<K>) {
  return (
    <View
      className={`sort-header ${className}${sort?.key === column ? ' sort-header--sorted' : ''}`}
      role='columnheader'
      aria-sort={ariaSort(sort, column)}
      data-testid={`sort-${column}`}
      onClick={() => onSort(nextSort(sort, column, firstDirection))}
    >
      <Text>{label}</Text>
      <Text className='sort-header__arrow'>{sortArrow(sort, column)}</Text>
    </View>
  );
}

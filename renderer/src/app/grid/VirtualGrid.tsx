import { Checkbox, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { type ReactNode, useEffect, useRef } from 'react';
import classes from './VirtualGrid.module.css';

export interface GridColumn<Row, SortColumn extends string> {
  title: string;
  width: number;
  sort?: SortColumn;
  align?: 'right';
  cell(row: Row): ReactNode;
}

export interface GridSort<SortColumn extends string> {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

interface VirtualGridProps<Row, SortColumn extends string> {
  label: string;
  columns: ReadonlyArray<GridColumn<Row, SortColumn>>;
  total: number;
  rows: Map<number, Row>;
  sort: GridSort<SortColumn>;
  onSort(sort: GridSort<SortColumn>): void;
  ensureRows(from: number, to: number): void;
  rowHeight?: number;
  /** With these, a first column of checkboxes selects rows by key. */
  selection?: {
    keyOf(row: Row): string;
    /** How a row's checkbox is named for a screen reader, e.g. "Select Contoso Ltd". */
    labelOf(row: Row): string;
    selected: ReadonlySet<string>;
    toggle(key: string): void;
    /** The header checkbox: select or clear every loaded row. */
    toggleLoaded(keys: string[]): void;
  };
}

/** A virtualized table: only the rows in view exist in the page, fetched a block at a time. */
export function VirtualGrid<Row, SortColumn extends string>({
  label,
  columns,
  total,
  rows,
  sort,
  onSort,
  ensureRows,
  rowHeight = 52,
  selection,
}: VirtualGridProps<Row, SortColumn>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, ensureRows]);

  const checkWidth = selection ? 44 : 0;
  const width = columns.reduce((sum, column) => sum + column.width, checkWidth);
  const loadedKeys = selection ? [...rows.values()].map(selection.keyOf) : [];
  const allLoadedSelected =
    selection !== undefined &&
    loadedKeys.length > 0 &&
    loadedKeys.every((key) => selection.selected.has(key));

  return (
    <div ref={scroller} className={classes.scroller}>
      <table
        className={classes.table}
        aria-label={label}
        aria-rowcount={total + 1}
        style={{ width }}
      >
        <thead className={classes.header}>
          <tr aria-rowindex={1} className={classes.row}>
            {selection && (
              <th scope="col" className={classes.cell} style={{ width: checkWidth }}>
                <Checkbox
                  aria-label="Select all loaded rows"
                  checked={allLoadedSelected}
                  indeterminate={!allLoadedSelected && selection.selected.size > 0}
                  onChange={() => selection.toggleLoaded(loadedKeys)}
                />
              </th>
            )}
            {columns.map((column) => {
              const sorted = column.sort !== undefined && sort.column === column.sort;
              const columnSort = column.sort;
              return (
                <th
                  key={column.title}
                  scope="col"
                  aria-sort={
                    sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                  className={classes.cell}
                  style={{
                    width: column.width,
                    alignItems: column.align === 'right' ? 'flex-end' : undefined,
                  }}
                >
                  {columnSort ? (
                    <UnstyledButton
                      className={classes.sortButton}
                      onClick={() =>
                        onSort({
                          column: columnSort,
                          direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc',
                        })
                      }
                    >
                      {column.title}
                      {sorted &&
                        (sort.direction === 'asc' ? (
                          <ArrowUp size={14} aria-hidden />
                        ) : (
                          <ArrowDown size={14} aria-hidden />
                        ))}
                    </UnstyledButton>
                  ) : (
                    column.title
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.get(item.index);
            const key = row && selection ? selection.keyOf(row) : null;
            const selected = key !== null && selection?.selected.has(key) === true;
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                aria-selected={selection ? selected : undefined}
                className={`${classes.row} ${selected ? classes.selected : ''}`}
                style={{
                  position: 'absolute',
                  transform: `translateY(${item.start}px)`,
                  height: rowHeight,
                }}
              >
                {selection && (
                  <td className={classes.cell} style={{ width: checkWidth }}>
                    {row && key !== null && (
                      <Checkbox
                        aria-label={selection.labelOf(row)}
                        checked={selected}
                        onChange={() => selection.toggle(key)}
                      />
                    )}
                  </td>
                )}
                {columns.map((column) => (
                  <td
                    key={column.title}
                    className={classes.cell}
                    style={{
                      width: column.width,
                      alignItems: column.align === 'right' ? 'flex-end' : undefined,
                    }}
                  >
                    {row ? column.cell(row) : <span className={classes.placeholder} aria-hidden />}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

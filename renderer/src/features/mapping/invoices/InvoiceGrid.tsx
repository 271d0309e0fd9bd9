import { Badge, Text, UnstyledButton } from '@mantine/core';
import type { InvoiceLineRow, InvoiceSortColumn } from '@shared/contract';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { type ReactNode, useEffect, useRef } from 'react';
import classes from './InvoiceGrid.module.css';
import { useInvoiceGrid } from './invoiceGridStore';

interface Column {
  title: string;
  width: number;
  sort?: InvoiceSortColumn;
  align?: 'right';
  cell(row: InvoiceLineRow): ReactNode;
}

function BadgeFor({ badge }: { badge: 'none' | 'System Updated' | 'User Updated' }) {
  if (badge === 'none') return null;
  return (
    <Badge size="xs" variant="light" color={badge === 'User Updated' ? 'orange' : 'blue'} ml={4}>
      {badge}
    </Badge>
  );
}

const dash = (
  <Text span c="dimmed">
    —
  </Text>
);

/** The columns of docs/product.md §4.3, in its order. */
const columns: Column[] = [
  {
    title: 'Invoice',
    width: 150,
    sort: 'invoiceId',
    cell: (row) => (
      <>
        <div>{row.invoiceId}</div>
        <Text size="xs" c="dimmed">
          {row.invoiceDate}
        </Text>
      </>
    ),
  },
  {
    title: 'Organization',
    width: 200,
    sort: 'organizationName',
    cell: (row) => row.organizationName,
  },
  { title: 'PSA Organization Name', width: 180, cell: (row) => row.psaOrganizationName ?? dash },
  { title: 'Contract ID', width: 140, sort: 'contractId', cell: (row) => row.contractId },
  { title: 'PSA Agreement Name', width: 170, cell: (row) => row.psaAgreementName ?? dash },
  {
    title: 'Subscription',
    width: 220,
    sort: 'subscriptionName',
    cell: (row) => row.subscriptionName,
  },
  { title: 'Offer', width: 220, sort: 'offerName', cell: (row) => row.offerName },
  { title: 'PSA Product Name', width: 170, cell: (row) => row.psaProductName ?? dash },
  {
    title: 'Charge Type',
    width: 170,
    sort: 'chargeType',
    cell: (row) => (
      <>
        {row.chargeType.name}
        <BadgeFor badge={row.chargeType.badge} />
      </>
    ),
  },
  { title: 'Billing Cycle', width: 125, sort: 'billingCycle', cell: (row) => row.billingCycle },
  { title: 'Quantity', width: 90, sort: 'quantity', align: 'right', cell: (row) => row.quantity },
  {
    title: 'Unit Price',
    width: 100,
    sort: 'unitPrice',
    align: 'right',
    cell: (row) => row.unitPrice,
  },
  {
    title: 'Unit Cost',
    width: 100,
    sort: 'unitCost',
    align: 'right',
    cell: (row) => row.unitCost ?? dash,
  },
  { title: 'Currency', width: 95, sort: 'currency', cell: (row) => row.currency },
  {
    title: 'Charge Start Date',
    width: 190,
    sort: 'chargeStart',
    cell: (row) => (
      <>
        {row.chargeStart.date}
        <BadgeFor badge={row.chargeStart.badge} />
      </>
    ),
  },
  {
    title: 'Charge End Date',
    width: 190,
    sort: 'chargeEnd',
    cell: (row) => (
      <>
        {row.chargeEnd.date}
        <BadgeFor badge={row.chargeEnd.badge} />
      </>
    ),
  },
  {
    title: 'Status',
    width: 200,
    sort: 'status',
    cell: (row) => (
      <span title={row.statusDetail ?? undefined}>
        <Badge
          variant="light"
          color={row.status === 'Synced' ? 'green' : row.status === 'Failed' ? 'red' : 'gray'}
        >
          {row.status}
        </Badge>
        {row.statusDetail && (
          <Text size="xs" c="dimmed">
            {row.statusDetail}
          </Text>
        )}
      </span>
    ),
  },
];

const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
const rowHeight = 52;

/** A virtualized table: only the rows in view exist in the page, fetched a block at a time. */
export function InvoiceGrid() {
  const total = useInvoiceGrid((state) => state.total);
  const rows = useInvoiceGrid((state) => state.rows);
  const sort = useInvoiceGrid((state) => state.query.sort);
  const setQuery = useInvoiceGrid((state) => state.setQuery);
  const ensureRows = useInvoiceGrid((state) => state.ensureRows);
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

  return (
    <div ref={scroller} className={classes.scroller}>
      <table
        className={classes.table}
        aria-label="Invoice lines"
        aria-rowcount={total + 1}
        style={{ width: totalWidth }}
      >
        <thead className={classes.header}>
          <tr aria-rowindex={1} className={classes.row}>
            {columns.map((column) => {
              const sorted = column.sort && sort.column === column.sort;
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
                  {column.sort ? (
                    <UnstyledButton
                      className={classes.sortButton}
                      onClick={() => {
                        const columnSort = column.sort;
                        if (!columnSort) return;
                        setQuery({
                          sort: {
                            column: columnSort,
                            direction: sorted && sort.direction === 'asc' ? 'desc' : 'asc',
                          },
                        });
                      }}
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
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                className={classes.row}
                style={{
                  position: 'absolute',
                  transform: `translateY(${item.start}px)`,
                  height: rowHeight,
                }}
              >
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

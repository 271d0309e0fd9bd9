import { ActionIcon, Anchor, Badge, Text } from '@mantine/core';
import { type GridColumn, VirtualGrid } from '@renderer/app/grid/VirtualGrid';
import { bridge } from '@renderer/bridge';
import type { InvoiceLineRow, InvoiceSortColumn } from '@shared/contract';
import { Pencil } from 'lucide-react';
import { useInvoiceGrid } from './invoiceGridStore';
import { useInvoiceSelection } from './invoiceSelectionStore';
import { useLineEdit } from './lineEditStore';

type Column = GridColumn<InvoiceLineRow, InvoiceSortColumn>;

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

/** The columns of docs/product.md §4.3, in its order, after a way to edit the line. */
const columns: Column[] = [
  {
    title: 'Edit',
    width: 56,
    cell: (row) =>
      row.editable ? (
        <ActionIcon
          variant="subtle"
          aria-label={`Edit ${row.subscriptionName} on invoice ${row.invoiceId}, line ${row.lineId}`}
          onClick={() => void useLineEdit.getState().openEdit(row)}
        >
          <Pencil size={16} aria-hidden />
        </ActionIcon>
      ) : null,
  },
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
    width: 300,
    sort: 'status',
    cell: (row) => (
      <span title={row.statusDetail ?? undefined}>
        <Badge
          variant="light"
          color={row.status === 'Synced' ? 'green' : row.status === 'Failed' ? 'red' : 'gray'}
        >
          {row.status}
        </Badge>
        {row.changedSinceSync && (
          <Badge variant="light" color="orange" ml={4}>
            Changed since sync
          </Badge>
        )}
        {row.synced ? (
          <>
            <AdditionLink synced={row.synced} />
            {row.synced.sent && (
              <Text size="xs" c="dimmed" truncate>
                Sent: {row.synced.sent}
              </Text>
            )}
          </>
        ) : (
          row.statusDetail && (
            <Text size="xs" c="dimmed">
              {row.statusDetail}
            </Text>
          )
        )}
      </span>
    ),
  },
];

/** A synced line links to its Agreement in ConnectWise, where its Addition is. */
function AdditionLink({ synced }: { synced: NonNullable<InvoiceLineRow['synced']> }) {
  const { agreementId } = synced;
  const when = (
    <Text span size="xs" c="dimmed">
      {' '}
      on {new Date(synced.at).toLocaleString()}
    </Text>
  );
  if (agreementId === null)
    return (
      <Text size="xs">
        Addition {synced.additionId}
        {when}
      </Text>
    );
  return (
    <Text size="xs">
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => void bridge().invoke('externalLinks.openAgreement', { agreementId })}
      >
        Addition {synced.additionId}
      </Anchor>
      {when}
    </Text>
  );
}

/** The month's lines: only the rows in view exist in the page, fetched a block at a time. */
export function InvoiceGrid() {
  const total = useInvoiceGrid((state) => state.total);
  const rows = useInvoiceGrid((state) => state.rows);
  const sort = useInvoiceGrid((state) => state.query.sort);
  const setQuery = useInvoiceGrid((state) => state.setQuery);
  const ensureRows = useInvoiceGrid((state) => state.ensureRows);
  const { selected, toggle, toggleLoaded } = useInvoiceSelection();
  return (
    <VirtualGrid
      label="Invoice lines"
      columns={columns}
      total={total}
      rows={rows}
      sort={sort}
      onSort={(next) => setQuery({ sort: next })}
      ensureRows={ensureRows}
      // A synced line's status shows its Addition, when, and the values sent.
      rowHeight={64}
      selection={{
        keyOf: (row) => row.lineId,
        // Two subscriptions of one contract can share a name and dates; the line id tells them apart.
        labelOf: (row) =>
          `Select ${row.subscriptionName} on invoice ${row.invoiceId}, line ${row.lineId}`,
        selected,
        toggle,
        toggleLoaded,
      }}
    />
  );
}

import { Button, Group, Text } from '@mantine/core';
import { type GridColumn, VirtualGrid } from '@renderer/app/grid/VirtualGrid';
import type { OfferPageQuery, OfferRow } from '@shared/contract';
import { MappingStatusBadge, percent } from '../MappingStatusBadge';
import { useOfferActions, useOfferGrid } from './offerStores';

type SortColumn = NonNullable<OfferPageQuery['sort']>['column'];

function columns(canEdit: boolean): Array<GridColumn<OfferRow, SortColumn>> {
  const { edit, acceptSuggestions } = useOfferActions.getState();
  return [
    { title: 'Offer', width: 300, sort: 'offerName', cell: (row) => row.offerName },
    { title: 'Offer/SKU ID', width: 220, sort: 'offerId', cell: (row) => row.offerId },
    { title: 'Vendor', width: 130, sort: 'vendor', cell: (row) => row.vendor ?? '—' },
    {
      title: 'PSA Product Name',
      width: 280,
      sort: 'psaProductName',
      cell: (row) =>
        canEdit ? (
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={`Choose the Product for ${row.offerName}`}
            onClick={() => edit(row)}
          >
            {row.product ? (row.product.description ?? row.product.identifier) : 'Click to select'}
          </Button>
        ) : (
          (row.product?.description ?? row.product?.identifier ?? '—')
        ),
    },
    {
      title: 'Mapping Status',
      width: 380,
      sort: 'status',
      cell: (row) => {
        const best = row.suggestions[0];
        return (
          <Group gap="xs" wrap="nowrap">
            <MappingStatusBadge status={row.status} />
            {best ? (
              <>
                <Text size="xs" truncate title={best.reason}>
                  {best.product.identifier} ({percent(best.confidence)}): {best.reason}
                </Text>
                {canEdit && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={`Accept ${best.product.identifier} for ${row.offerName}`}
                    onClick={() => void acceptSuggestions(0, [row.offerId])}
                  >
                    Accept
                  </Button>
                )}
              </>
            ) : (
              row.statusDetail && (
                <Text size="xs" c="red" truncate>
                  {row.statusDetail}
                </Text>
              )
            )}
          </Group>
        );
      },
    },
  ];
}

export function OfferGrid({ canEdit }: { canEdit: boolean }) {
  const total = useOfferGrid((state) => state.total);
  const rows = useOfferGrid((state) => state.rows);
  const sort = useOfferGrid((state) => state.query.sort);
  const setQuery = useOfferGrid((state) => state.setQuery);
  const ensureRows = useOfferGrid((state) => state.ensureRows);
  return (
    <VirtualGrid
      label="Offers"
      columns={columns(canEdit)}
      total={total}
      rows={rows}
      sort={sort}
      onSort={(next) => setQuery({ sort: next })}
      ensureRows={ensureRows}
    />
  );
}

import { Button } from '@mantine/core';
import { type GridColumn, VirtualGrid } from '@renderer/app/grid/VirtualGrid';
import type { OfferPageQuery, OfferRow } from '@shared/contract';
import { SuggestionCell } from '../SuggestionCell';
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
          <SuggestionCell
            status={row.status}
            statusDetail={row.statusDetail}
            best={best && { ...best, name: best.product.identifier }}
            acceptLabel={
              canEdit && best ? `Accept ${best.product.identifier} for ${row.offerName}` : null
            }
            onAccept={() => void acceptSuggestions(0, [row.offerId])}
          />
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

import { Alert, Group, Select, Stack, Text } from '@mantine/core';
import {
  MappingStatus as MappingStatusSchema,
  type ProductWindow,
  productWindows,
} from '@shared/contract';
import { PackageSearch } from 'lucide-react';
import { useEffect, useState } from 'react';
import { AcceptAllControl } from '../AcceptAllControl';
import { JobControls } from '../JobControls';
import { MappingFilters } from '../MappingFilters';
import { CatalogPicker } from './CatalogPicker';
import { OfferGrid } from './OfferGrid';
import { useOfferActions, useOfferGrid } from './offerStores';

/** Mapping › Products: the Offers invoiced in a window and the catalog items they post as. */
export function ProductsTab({ canEdit }: { canEdit: boolean }) {
  const total = useOfferGrid((state) => state.total);
  const query = useOfferGrid((state) => state.query);
  const meta = useOfferGrid((state) => state.meta);
  const gridError = useOfferGrid((state) => state.error);
  const setQuery = useOfferGrid((state) => state.setQuery);
  const reload = useOfferGrid((state) => state.reload);
  const actions = useOfferActions();
  const [months, setMonths] = useState<ProductWindow>(query.months);

  useEffect(() => {
    reload();
  }, [reload]);

  const counts = meta?.counts;
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="Window"
          description="1–3 months recommended"
          data={productWindows.map((n) => ({
            value: String(n),
            label: n === 1 ? '1 month' : `${n} months`,
          }))}
          value={String(months)}
          onChange={(value) => {
            const chosen = Number(value) as ProductWindow;
            setMonths(chosen);
            setQuery({ months: chosen });
          }}
          allowDeselect={false}
          w={180}
        />
        <JobControls
          label="Load Products"
          icon={<PackageSearch size={16} aria-hidden />}
          job={actions.load}
          disabled={!canEdit}
          onStart={() => void actions.loadProducts(months)}
          onCancel={() => void actions.cancelLoad()}
        />
      </Group>
      {actions.notice && !actions.editing && (
        <Alert
          color={actions.notice.error ? 'red' : 'green'}
          role={actions.notice.error ? 'alert' : 'status'}
        >
          {actions.notice.text}
        </Alert>
      )}
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <MappingFilters
            searchLabel="Search offers"
            placeholder="Search offer, SKU, vendor or Product…"
            search={query.search}
            status={query.status}
            statuses={MappingStatusSchema.options.filter((status) => status !== 'Excluded')}
            counts={counts}
            total={`${total} ${total === 1 ? 'offer' : 'offers'}`}
            noun={meta ? `invoiced since ${meta.since}` : ''}
            onChange={setQuery}
          />
        </Group>
        <AcceptAllControl
          disabled={!canEdit || actions.busy || (counts?.Suggested ?? 0) === 0}
          onAccept={(minConfidence) => void actions.acceptSuggestions(minConfidence)}
        />
      </Group>
      {gridError && <Alert color="red">{gridError}</Alert>}
      {total === 0 && !query.search && !query.status ? (
        <Text c="dimmed">
          No Offers in this window yet. Use "Load Products" to read the Offers invoiced in it and
          the ConnectWise catalog.
        </Text>
      ) : (
        <OfferGrid canEdit={canEdit} />
      )}
      <CatalogPicker />
    </Stack>
  );
}

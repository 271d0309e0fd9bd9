import { Badge, Button, Group, Text } from '@mantine/core';
import { type GridColumn, VirtualGrid } from '@renderer/app/grid/VirtualGrid';
import type { OrganizationPageQuery, OrganizationRow } from '@shared/contract';
import { SuggestionCell } from '../SuggestionCell';
import { useOrganizationActions, useOrganizationGrid } from './organizationStores';

type SortColumn = NonNullable<OrganizationPageQuery['sort']>['column'];

function columns(canEdit: boolean): Array<GridColumn<OrganizationRow, SortColumn>> {
  const { edit, acceptSuggestions } = useOrganizationActions.getState();
  return [
    {
      title: 'Platform Organization',
      width: 280,
      sort: 'organizationName',
      cell: (row) => (
        <>
          <div>{row.organizationName}</div>
          <Text size="xs" c="dimmed">
            {row.organizationId}
            {row.currency ? ` · ${row.currency}` : ''}
          </Text>
        </>
      ),
    },
    {
      title: 'PSA Organization Name',
      width: 400,
      sort: 'psaOrganizationName',
      cell: (row) => (
        <Group gap={4} wrap="nowrap">
          {row.companies.map((company) => (
            <Badge
              key={company.id}
              variant="light"
              tt="none"
              maw={150}
              color={company.hiddenBecause ? 'red' : 'blue'}
              title={[company.name, company.hiddenBecause ?? company.identifier]
                .filter(Boolean)
                .join(' — ')}
            >
              {company.name}
            </Badge>
          ))}
          {canEdit && (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`Choose Companies for ${row.organizationName}`}
              onClick={() => edit(row)}
            >
              {row.companies.length === 0 ? 'Click to select' : 'Edit'}
            </Button>
          )}
        </Group>
      ),
    },
    {
      title: 'Mapping Status',
      width: 420,
      sort: 'status',
      cell: (row) => {
        const best = row.suggestions[0];
        return (
          <SuggestionCell
            status={row.status}
            statusDetail={row.statusDetail}
            best={best && { ...best, name: best.company.name }}
            acceptLabel={
              canEdit && best ? `Accept ${best.company.name} for ${row.organizationName}` : null
            }
            onAccept={() => void acceptSuggestions(0, [row.organizationId])}
          />
        );
      },
    },
  ];
}

export function OrganizationGrid({ canEdit }: { canEdit: boolean }) {
  const total = useOrganizationGrid((state) => state.total);
  const rows = useOrganizationGrid((state) => state.rows);
  const sort = useOrganizationGrid((state) => state.query.sort);
  const setQuery = useOrganizationGrid((state) => state.setQuery);
  const ensureRows = useOrganizationGrid((state) => state.ensureRows);
  const selected = useOrganizationActions((state) => state.selected);
  const toggle = useOrganizationActions((state) => state.toggle);
  const toggleLoaded = useOrganizationActions((state) => state.toggleLoaded);
  return (
    <VirtualGrid
      label="Platform organizations"
      columns={columns(canEdit)}
      total={total}
      rows={rows}
      sort={sort}
      onSort={(next) => setQuery({ sort: next })}
      ensureRows={ensureRows}
      selection={{
        keyOf: (row) => row.organizationId,
        labelOf: (row) => `Select ${row.organizationName}`,
        selected,
        toggle,
        toggleLoaded,
      }}
    />
  );
}

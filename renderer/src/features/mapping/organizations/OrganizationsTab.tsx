import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { lastSyncText } from '@shared/relativeTime';
import { RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import { AcceptAllControl } from '../AcceptAllControl';
import { JobControls } from '../JobControls';
import { MappingFilters } from '../MappingFilters';
import { CompanyPicker } from './CompanyPicker';
import { OrganizationGrid } from './OrganizationGrid';
import { useOrganizationActions, useOrganizationGrid } from './organizationStores';

/** Mapping › Organizations: Platform Organizations and the ConnectWise Companies they bill as. */
export function OrganizationsTab({ canEdit }: { canEdit: boolean }) {
  const total = useOrganizationGrid((state) => state.total);
  const query = useOrganizationGrid((state) => state.query);
  const meta = useOrganizationGrid((state) => state.meta);
  const gridError = useOrganizationGrid((state) => state.error);
  const setQuery = useOrganizationGrid((state) => state.setQuery);
  const reload = useOrganizationGrid((state) => state.reload);
  const actions = useOrganizationActions();

  useEffect(() => {
    reload();
  }, [reload]);

  const selectedCount = actions.selected.size;
  const counts = meta?.counts;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <JobControls
          label="Sync Organizations"
          icon={<RefreshCw size={16} aria-hidden />}
          job={actions.sync}
          disabled={!canEdit}
          onStart={() => void actions.syncOrganizations()}
          onCancel={() => void actions.cancelSync()}
        />
        <Text size="sm" c="dimmed">
          Last Sync to Platform: {lastSyncText(meta?.lastSyncedAt)}
        </Text>
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
            searchLabel="Search organizations"
            placeholder="Search organization, id or Company…"
            search={query.search}
            status={query.status}
            counts={counts}
            total={String(total)}
            noun={total === 1 ? 'organization' : 'organizations'}
            onChange={setQuery}
          />
        </Group>
        <AcceptAllControl
          disabled={!canEdit || actions.busy || (counts?.Suggested ?? 0) === 0}
          onAccept={(minConfidence) => void actions.acceptSuggestions(minConfidence)}
        />
      </Group>
      {selectedCount > 0 && (
        <Group gap="xs" role="toolbar" aria-label="Bulk actions">
          <Text size="sm">{selectedCount} selected</Text>
          <Button
            size="xs"
            variant="light"
            disabled={!canEdit || actions.busy}
            onClick={() => void actions.acceptSuggestions(0, [...actions.selected])}
          >
            Accept suggestions
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={!canEdit || actions.busy}
            onClick={() => void actions.exclude(true)}
          >
            Exclude
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={!canEdit || actions.busy}
            onClick={() => void actions.exclude(false)}
          >
            Include
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            disabled={!canEdit || actions.busy}
            onClick={() => void actions.unmap()}
          >
            Unmap
          </Button>
          <Button size="xs" variant="subtle" onClick={actions.clearSelection}>
            Clear selection
          </Button>
        </Group>
      )}
      {gridError && <Alert color="red">{gridError}</Alert>}
      {total === 0 && !query.search && !query.status ? (
        <Text c="dimmed">
          No Platform Organizations yet. Use "Sync Organizations" to read them from the Platform (or
          load invoice lines first) and the Companies from ConnectWise.
        </Text>
      ) : (
        <OrganizationGrid canEdit={canEdit} />
      )}
      <CompanyPicker />
    </Stack>
  );
}

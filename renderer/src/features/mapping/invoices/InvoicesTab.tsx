import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type ChargeType, chargeTypes } from '@shared/chargeDateVocabulary';
import { type LineStatus, LineStatus as LineStatusSchema } from '@shared/contract';
import { lastSyncText } from '@shared/relativeTime';
import { CircleX, Download, Search, Send } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { BulkUpdateDialog } from './BulkUpdateDialog';
import { EditLineDialog } from './EditLineDialog';
import { InvoiceGrid } from './InvoiceGrid';
import { useInvoiceGrid, useInvoicePeriods } from './invoiceGridStore';
import { useInvoiceSelection } from './invoiceSelectionStore';
import { LoadInvoicesDialog, monthLabel } from './LoadInvoicesDialog';
import { useLineEdit } from './lineEditStore';
import { useLoadDialog } from './loadDialogStore';
import { SyncDialog } from './SyncDialog';
import { useSync } from './syncStore';

/** Mapping › Invoices: the loaded months and their lines. */
export function InvoicesTab({ canLoad, canSync }: { canLoad: boolean; canSync: boolean }) {
  const periods = useInvoicePeriods((state) => state.periods);
  const periodsError = useInvoicePeriods((state) => state.error);
  const loadPeriods = useInvoicePeriods((state) => state.loadPeriods);
  const choosePeriod = useInvoicePeriods((state) => state.choosePeriod);
  const total = useInvoiceGrid((state) => state.total);
  const query = useInvoiceGrid((state) => state.query);
  const gridError = useInvoiceGrid((state) => state.error) ?? periodsError;
  const setQuery = useInvoiceGrid((state) => state.setQuery);
  const period = query.period;
  const openDialog = useLoadDialog((state) => state.openDialog);
  const [search, setSearch] = useState(query.search);
  // A search set from elsewhere (a System Logs entry) shows in the box too; one this box sent
  // is not written back over what the user typed since.
  const sentSearch = useRef(query.search);
  useEffect(() => {
    if (query.search !== sentSearch.current) setSearch(query.search);
    sentSearch.current = query.search;
  }, [query.search]);
  const selectedCount = useInvoiceSelection((state) => state.selected.size);
  const clearSelection = useInvoiceSelection((state) => state.clear);
  const edits = useLineEdit();
  const startSync = useSync((state) => state.start);
  const lastSyncAt = useSync((state) => state.lastSyncAt);

  useEffect(() => {
    void loadPeriods();
    void useSync.getState().loadLastSync();
  }, [loadPeriods]);

  useEffect(() => {
    // A notice about the lines of another month would mislead.
    void period;
    useLineEdit.setState({ notice: null, error: null });
  }, [period]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (search !== useInvoiceGrid.getState().query.search) {
        sentSearch.current = search;
        setQuery({ search });
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [search, setQuery]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Select
          label="Show invoices"
          placeholder={periods.length === 0 ? 'No invoices loaded yet' : 'Choose a month'}
          data={periods.map((p) => ({
            value: p.period,
            label: `${monthLabel(p.period)} (${p.lines} lines)`,
          }))}
          value={period}
          onChange={choosePeriod}
          allowDeselect={false}
          w={280}
        />
        <Group gap="xs">
          <Button
            variant={period ? 'default' : 'filled'}
            leftSection={<Download size={16} aria-hidden />}
            disabled={!canLoad}
            onClick={() => void openDialog()}
          >
            Load Invoices
          </Button>
          {period && (
            <Button
              leftSection={<Send size={16} aria-hidden />}
              disabled={!canSync}
              onClick={() => void startSync()}
            >
              {selectedCount > 0 ? `Sync to PSA (${selectedCount} selected)` : 'Sync to PSA'}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" ta="right">
        Last Sync to PSA: {lastSyncText(lastSyncAt)}
      </Text>
      {period && (
        <Group align="flex-end">
          <TextInput
            aria-label="Search invoice lines"
            placeholder="Search organization, subscription, offer, invoice…"
            leftSection={<Search size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={340}
          />
          <Select
            aria-label="Filter by charge type"
            placeholder="All charge types"
            clearable
            data={[...chargeTypes]}
            value={query.chargeType}
            onChange={(value) => setQuery({ chargeType: (value as ChargeType | null) ?? null })}
            w={200}
          />
          <Select
            aria-label="Filter by status"
            placeholder="All statuses"
            clearable
            data={[...LineStatusSchema.options]}
            value={query.status}
            onChange={(value) => setQuery({ status: (value as LineStatus | null) ?? null })}
            w={180}
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {total} {total === 1 ? 'line' : 'lines'}
          </Text>
        </Group>
      )}
      {period && selectedCount > 0 && (
        <Group gap="xs" role="toolbar" aria-label="Bulk actions">
          <Text size="sm">{selectedCount} selected</Text>
          <Button
            size="xs"
            variant="light"
            disabled={edits.busy}
            onClick={() => void edits.bulk({ field: 'included', included: false })}
          >
            Exclude
          </Button>
          <Button
            size="xs"
            variant="light"
            disabled={edits.busy}
            onClick={() => void edits.bulk({ field: 'included', included: true })}
          >
            Include
          </Button>
          <Button size="xs" variant="light" disabled={edits.busy} onClick={edits.openBulk}>
            Bulk Update
          </Button>
          <Button size="xs" variant="subtle" onClick={clearSelection}>
            Clear selection
          </Button>
        </Group>
      )}
      {edits.notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => useLineEdit.setState({ notice: null })}
        >
          {edits.notice}
        </Alert>
      )}
      {edits.error && !edits.line && !edits.bulkOpen && (
        <Alert
          color="red"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => useLineEdit.setState({ error: null })}
        >
          {edits.error}
        </Alert>
      )}
      {gridError && (
        <Alert color="red" icon={<CircleX size={18} aria-hidden />}>
          {gridError}
        </Alert>
      )}
      {period ? (
        <InvoiceGrid />
      ) : (
        <Text c="dimmed">
          No invoice lines are loaded yet. Use "Load Invoices" to load the current or previous
          month.
        </Text>
      )}
      <LoadInvoicesDialog />
      <SyncDialog />
      <EditLineDialog />
      <BulkUpdateDialog />
    </Stack>
  );
}

import {
  Alert,
  Button,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { LogLevel } from '@shared/contract';
import { Download, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { LogEntryDialog } from './LogEntryDialog';
import { LevelBadge, timestampOf } from './LogLevel';
import { LogTiles } from './LogTiles';
import { logsPageSize, useLogs } from './logsStore';

const levels: Array<{ label: string; value: LogLevel | 'all' }> = [
  { label: 'All', value: 'all' },
  { label: 'Info', value: 'info' },
  { label: 'Warning', value: 'warning' },
  { label: 'Error', value: 'error' },
];

/** docs/product.md §7: the last 30 days, newest first, filtered and searched in the core. */
export function SystemLogsPage() {
  const { rows, total, page, level, error, exporting, load, setLevel, setSearch, setPage } =
    useLogs();
  const openEntry = useLogs((state) => state.openEntry);
  const exportCsv = useLogs((state) => state.exportCsv);
  const [typed, setTyped] = useState(useLogs.getState().search);
  const [search] = useDebouncedValue(typed, 250);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (search !== useLogs.getState().search) setSearch(search);
  }, [search, setSearch]);

  const pages = Math.max(1, Math.ceil(total / logsPageSize));
  return (
    <Stack gap="md">
      <Title order={1}>System Logs</Title>
      <LogTiles />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm" wrap="wrap">
              <SegmentedControl
                aria-label="Level"
                data={levels}
                value={level ?? 'all'}
                onChange={(value) => setLevel(value === 'all' ? null : (value as LogLevel))}
              />
              <TextInput
                aria-label="Search the logs"
                placeholder="Search titles and details"
                leftSection={<Search size={16} aria-hidden />}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                w={280}
              />
            </Group>
            <Button
              variant="default"
              leftSection={<Download size={16} aria-hidden />}
              loading={exporting}
              disabled={total === 0}
              onClick={() => void exportCsv()}
            >
              Export CSV
            </Button>
          </Group>
          {error && (
            <Alert color="red" title="The logs could not be read">
              {error}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="System Logs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>Level</Table.Th>
                  <Table.Th w={170}>Timestamp</Table.Th>
                  <Table.Th>Summary</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <LevelBadge level={row.level} />
                    </Table.Td>
                    <Table.Td>{timestampOf(row.at)}</Table.Td>
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => void openEntry(row.id)}
                        aria-label={`Open the entry: ${row.title}`}
                        w="100%"
                      >
                        <Text size="sm" fw={600}>
                          {row.title}
                        </Text>
                        {row.details && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {row.details}
                          </Text>
                        )}
                      </UnstyledButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {level || typed ? 'No entries match the filter.' : 'No entries in the last 30 days.'}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {total} {total === 1 ? 'entry' : 'entries'}
            </Text>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({
                  'aria-label': control === 'next' ? 'Next page' : 'Previous page',
                })}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
              />
            )}
          </Group>
        </Stack>
      </Paper>
      <LogEntryDialog />
    </Stack>
  );
}

import { ActionIcon, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useNow } from '@renderer/app/useNow';
import { lastSyncText } from '@shared/relativeTime';
import { RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useLogs } from './logsStore';

function Tile({
  label,
  children,
  tone,
  action,
}: {
  label: string;
  children: ReactNode;
  tone?: 'error' | 'warning';
  action?: ReactNode;
}) {
  const id = `logs-tile-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper
      component="section"
      aria-labelledby={id}
      withBorder
      p="md"
      data-tone={tone}
      bg={tone === 'error' ? 'red.0' : tone === 'warning' ? 'orange.0' : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" id={id}>
            {label}
          </Text>
          {typeof children === 'number' || children === '—' ? (
            <Text
              size="xl"
              fw={700}
              c={tone === 'error' ? 'red.8' : tone === 'warning' ? 'orange.9' : undefined}
            >
              {children}
            </Text>
          ) : (
            children
          )}
        </Stack>
        {action}
      </Group>
    </Paper>
  );
}

/** docs/product.md §7.1: the four tiles over the last 30 days. */
export function LogTiles() {
  const summary = useLogs((state) => state.summary);
  const load = useLogs((state) => state.load);
  const now = useNow();
  const errors = summary?.errors ?? 0;
  const warnings = summary?.warnings ?? 0;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Tile label="Total Logs (30d)">{summary?.total ?? '—'}</Tile>
      <Tile label="Errors (30d)" tone={errors > 0 ? 'error' : undefined}>
        {summary ? errors : '—'}
      </Tile>
      <Tile label="Warnings (30d)" tone={warnings > 0 ? 'warning' : undefined}>
        {summary ? warnings : '—'}
      </Tile>
      <Tile
        label="Last Update"
        action={
          <Tooltip label="Refresh">
            <ActionIcon variant="subtle" aria-label="Refresh the logs" onClick={() => load()}>
              <RefreshCw size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        }
      >
        <Text size="sm" fw={600}>
          {summary?.lastUpdate ? lastSyncText(summary.lastUpdate, now) : 'No entries yet'}
        </Text>
      </Tile>
    </SimpleGrid>
  );
}

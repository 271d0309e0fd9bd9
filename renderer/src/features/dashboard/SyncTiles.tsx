import { ActionIcon, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNow } from '@renderer/app/useNow';
import { bridge } from '@renderer/bridge';
import { lastSyncText } from '@shared/relativeTime';
import { ExternalLink, RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useDashboard } from './dashboardStore';

function Tile({ title, at, action }: { title: string; at: string | null; action: ReactNode }) {
  const now = useNow();
  const id = `tile-${title.replaceAll(' ', '-').toLowerCase()}`;
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" id={id}>
            {title}
          </Text>
          <Text fw={600} title={at ? new Date(at).toLocaleString() : undefined}>
            {lastSyncText(at, now)}
          </Text>
        </Stack>
        {action}
      </Group>
    </Paper>
  );
}

async function openConnectWise(siteUrl: string | null) {
  if (!siteUrl) return;
  try {
    await bridge().invoke('externalLinks.open', { url: siteUrl });
  } catch (error) {
    notifications.show({
      color: 'red',
      title: 'ConnectWise could not be opened',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** docs/product.md §6: "Last Sync to Platform" and "Last Sync to PSA". */
export function SyncTiles({ siteUrl }: { siteUrl: string | null }) {
  const summary = useDashboard((state) => state.summary);
  const load = useDashboard((state) => state.load);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Tile
        title="Last Sync to Platform"
        at={summary?.lastPlatformSync ?? null}
        action={
          <Tooltip label="Refresh">
            <ActionIcon variant="subtle" aria-label="Refresh the Dashboard" onClick={() => load()}>
              <RefreshCw size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        }
      />
      <Tile
        title="Last Sync to PSA"
        at={summary?.lastPsaSync ?? null}
        action={
          <Tooltip label="Open ConnectWise">
            <ActionIcon
              variant="subtle"
              aria-label="Open ConnectWise in the browser"
              disabled={!siteUrl}
              onClick={() => void openConnectWise(siteUrl)}
            >
              <ExternalLink size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        }
      />
    </SimpleGrid>
  );
}

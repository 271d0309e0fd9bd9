import { Alert, Stack, Title } from '@mantine/core';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { bridge } from '@renderer/bridge';
import { useEffect } from 'react';
import { AutomaticSyncPanel, useSchedule } from '../schedule';
import { AtAGlance } from './AtAGlance';
import { useDashboard } from './dashboardStore';
import { PostedChart } from './PostedChart';
import { RecentRuns } from './RecentRuns';
import { SyncTiles } from './SyncTiles';
import { SystemInformation } from './SystemInformation';

/** docs/product.md §6: did last night's sync run, and what is left to map or fix. */
export function DashboardPage() {
  const load = useDashboard((state) => state.load);
  const error = useDashboard((state) => state.error);
  const siteUrl = useAppStatus((state) => state.status?.siteUrl ?? null);
  useEffect(() => {
    void load();
    // A run the schedule or the tray finishes changes every figure here.
    let running = useSchedule.getState().status?.running ?? false;
    return bridge().on('schedule.changed', (status) => {
      if (running && !status.running) void load();
      running = status.running;
    });
  }, [load]);
  return (
    <Stack gap="md">
      <Title order={1}>Dashboard</Title>
      {error && (
        <Alert color="red" title="The Dashboard could not be read">
          {error}
        </Alert>
      )}
      <SyncTiles siteUrl={siteUrl} />
      <AutomaticSyncPanel />
      <AtAGlance />
      <PostedChart />
      <RecentRuns />
      <SystemInformation />
    </Stack>
  );
}

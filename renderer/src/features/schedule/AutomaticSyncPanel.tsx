import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { nextRunText } from '@shared/nextRunText';
import { Pause, Play, RefreshCw } from 'lucide-react';
import { useEffect } from 'react';
import { runCounts, useSchedule } from './scheduleStore';

/** The next automatic run, as one line; it follows the saved configuration. */
export function NextAutomaticSync() {
  const status = useSchedule((state) => state.status);
  const appStatus = useAppStatus((state) => state.status);
  useEffect(() => {
    // The schedule follows the saved toggle and the connection: read it again when they change.
    void appStatus;
    void useSchedule.getState().load();
  }, [appStatus]);
  return (
    <Text size="sm" aria-live="polite">
      {nextRunText(status)}
    </Text>
  );
}

/** Dashboard: the daily sync, "Sync now" (what the tray's item runs), pause and resume. */
export function AutomaticSyncPanel() {
  const { status, busy, error, result, syncNow, pause, resume, follow } = useSchedule();
  // A run the schedule or the tray starts shows here as it happens.
  useEffect(() => follow(), [follow]);
  const canSync = status !== null && status.state !== 'not-ready' && !status.running;
  return (
    <Paper component="section" aria-labelledby="automatic-sync" withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4" id="automatic-sync">
          Automated Daily Invoice Line Sync
        </Title>
        <NextAutomaticSync />
        {status?.lastRun && (
          <Text size="sm" c="dimmed">
            Last run: {new Date(status.lastRun.finishedAt).toLocaleString()} ·{' '}
            {runCounts(status.lastRun)}
          </Text>
        )}
        <Group gap="xs">
          <Button
            leftSection={<RefreshCw size={16} aria-hidden />}
            loading={busy}
            disabled={!canSync}
            onClick={() => void syncNow()}
          >
            Sync now
          </Button>
          {status?.state === 'paused' ? (
            <Button
              variant="default"
              leftSection={<Play size={16} aria-hidden />}
              onClick={() => void resume()}
            >
              Resume automatic sync
            </Button>
          ) : (
            <Button
              variant="default"
              leftSection={<Pause size={16} aria-hidden />}
              disabled={status?.state !== 'scheduled'}
              onClick={() => void pause()}
            >
              Pause automatic sync
            </Button>
          )}
        </Group>
        {result && (
          <Alert
            color={result.problems.length > 0 ? 'orange' : 'green'}
            role="status"
            title="Sync now finished"
          >
            {runCounts(result)}
            {result.problems.map((problem) => (
              <Text size="sm" key={problem}>
                {problem}
              </Text>
            ))}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigation } from '@renderer/app/navigationStore';
import { bridge } from '@renderer/bridge';
import type { DailyRunResult } from '@shared/contract';
import { useEffect } from 'react';
import { showInvoiceLines } from '../mapping';
import { runCounts, useSchedule } from './scheduleStore';

function notice(result: DailyRunResult) {
  const failedMonth = result.months.find((month) => month.failed > 0)?.period;
  notifications.show({
    color: failedMonth || result.problems.length > 0 ? 'orange' : 'green',
    title: result.trigger === 'sync-now' ? 'Sync now finished' : 'Automatic sync finished',
    autoClose: failedMonth ? false : 8000,
    message: (
      <Stack gap={4}>
        <Text size="sm">{runCounts(result)}</Text>
        {failedMonth && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => {
              useNavigation.getState().go({ screen: 'mapping', tab: 'invoices' });
              showInvoiceLines(failedMonth, { status: 'Failed' });
            }}
          >
            Show failed lines
          </Button>
        )}
      </Stack>
    ),
  });
}

/**
 * A run the schedule or the tray started ends with a notice in the window too (the preview
 * host has no desktop notifications); failed lines are one click away.
 */
export function ScheduleNotices() {
  useEffect(() => {
    let running = false;
    return bridge().on('schedule.changed', (status) => {
      const ended = running && !status.running;
      running = status.running;
      // "Sync now" on the Dashboard shows its own result there (its answer may come before or
      // after this event).
      const own = useSchedule.getState();
      const shownThere = own.busy || own.result?.startedAt === status.lastRun?.startedAt;
      if (ended && status.lastRun && !shownThere) notice(status.lastRun);
    });
  }, []);
  return null;
}

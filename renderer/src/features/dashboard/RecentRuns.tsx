import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PostingRunRow } from '@shared/contract';
import { useDashboard } from './dashboardStore';

const outcomeColor: Record<PostingRunRow['status'], string> = {
  completed: 'green',
  running: 'blue',
  cancelled: 'gray',
  failed: 'red',
  interrupted: 'orange',
};

function outcome(run: PostingRunRow): { label: string; color: string } {
  if (run.status === 'completed' && run.failed > 0) {
    return { label: 'Completed with failures', color: 'orange' };
  }
  return {
    label: run.status[0]?.toUpperCase() + run.status.slice(1),
    color: outcomeColor[run.status],
  };
}

function duration(run: PostingRunRow): string {
  if (!run.finishedAt) return '—';
  const seconds = Math.max(0, (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000);
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}

/** The latest Sync to PSA runs, manual and automatic, with their outcome and duration. */
export function RecentRuns() {
  const summary = useDashboard((state) => state.summary);
  const runs = summary?.runs ?? [];
  return (
    <Paper component="section" aria-labelledby="recent-runs" withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4" id="recent-runs">
          Last runs
        </Title>
        {runs.length === 0 ? (
          <Text size="sm" c="dimmed">
            No Sync to PSA has run yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="recent-runs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Started</Table.Th>
                  <Table.Th>By</Table.Th>
                  <Table.Th>Month</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Posted</Table.Th>
                  <Table.Th>Updated</Table.Th>
                  <Table.Th>Failed</Table.Th>
                  <Table.Th>Duration</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((run) => {
                  const { label, color } = outcome(run);
                  return (
                    <Table.Tr key={run.id}>
                      <Table.Td>{new Date(run.startedAt).toLocaleString()}</Table.Td>
                      <Table.Td>{run.trigger === 'automatic' ? 'Automatic' : 'Manual'}</Table.Td>
                      <Table.Td>{run.period ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge color={color} variant="light">
                          {label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{run.posted}</Table.Td>
                      <Table.Td>{run.updated}</Table.Td>
                      <Table.Td>{run.failed}</Table.Td>
                      <Table.Td>{duration(run)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

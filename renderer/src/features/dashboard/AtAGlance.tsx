import { Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigation } from '@renderer/app/navigationStore';
import type { LineStatus } from '@shared/contract';
import { monthLabel, showInvoiceLines } from '../mapping';
import { useDashboard } from './dashboardStore';

const shownStatuses: Array<{ status: LineStatus; color: string }> = [
  { status: 'Ready', color: 'blue' },
  { status: 'Not Mapped', color: 'gray' },
  { status: 'Needs attention', color: 'orange' },
  { status: 'Synced', color: 'green' },
  { status: 'Failed', color: 'red' },
];

function Coverage({ label, mapped, total }: { label: string; mapped: number; total: number }) {
  const percent = total === 0 ? 0 : Math.round((mapped / total) * 100);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {total === 0 ? '—' : `${percent}%`}{' '}
          <Text span size="xs" c="dimmed">
            ({mapped} of {total})
          </Text>
        </Text>
      </Group>
      <Progress value={percent} aria-label={`${label}: ${percent}%`} />
    </Stack>
  );
}

/** The current month's lines by status (each a link to them) and how much is mapped. */
export function AtAGlance() {
  const summary = useDashboard((state) => state.summary);
  if (!summary) return null;
  const { period } = summary;
  const open = (status: LineStatus) => {
    if (!period) return;
    useNavigation.getState().go({ screen: 'mapping', tab: 'invoices' });
    showInvoiceLines(period, { status });
  };
  return (
    <Paper component="section" aria-labelledby="at-a-glance" withBorder p="lg">
      <Stack gap="md">
        <Title order={2} size="h4" id="at-a-glance">
          {period ? `${monthLabel(period)} at a glance` : 'At a glance'}
        </Title>
        {period ? (
          <SimpleGrid cols={{ base: 2, sm: 5 }} role="group" aria-label="Lines by status">
            {shownStatuses.map(({ status, color }) => (
              <Button
                key={status}
                variant="light"
                color={color}
                fullWidth
                h="auto"
                py="xs"
                aria-label={`${status}: ${summary.lineCounts[status]} ${summary.lineCounts[status] === 1 ? 'line' : 'lines'}`}
                onClick={() => open(status)}
              >
                <Stack gap={0} align="center">
                  <Text fw={700} size="lg">
                    {summary.lineCounts[status]}
                  </Text>
                  <Text size="xs">{status}</Text>
                </Stack>
              </Button>
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            No invoice lines are loaded yet: load a month under Mapping › Invoices.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Coverage label="Organizations mapped" {...summary.organizations} />
          <Coverage label="Products mapped" {...summary.products} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

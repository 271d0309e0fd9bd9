import { Stack, Title } from '@mantine/core';
import { AutomaticSyncPanel } from '../schedule';
import { SystemInformation } from './SystemInformation';

export function DashboardPage() {
  return (
    <Stack gap="md">
      <Title order={1}>Dashboard</Title>
      <AutomaticSyncPanel />
      <SystemInformation />
    </Stack>
  );
}

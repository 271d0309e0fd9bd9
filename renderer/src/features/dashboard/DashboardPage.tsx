import { Stack, Title } from '@mantine/core';

export function DashboardPage() {
  return (
    <Stack gap="md">
      <Title order={1}>Dashboard</Title>
    </Stack>
  );
}

import { Stack, Title } from '@mantine/core';

export function SystemLogsPage() {
  return (
    <Stack gap="md">
      <Title order={1}>System Logs</Title>
    </Stack>
  );
}

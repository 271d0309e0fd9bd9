import { Badge, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useAppStatus } from '@renderer/app/appStatusStore';

/** docs/product.md §6 "System Information": the site with its connection badge, and the API version. */
export function SystemInformation() {
  const status = useAppStatus((state) => state.status);
  const connected = status?.connectwiseConnection === 'saved';
  return (
    <Paper component="section" aria-labelledby="system-information" withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4" id="system-information">
          System Information
        </Title>
        <Table variant="vertical" withTableBorder={false} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>Environment</Table.Th>
              <Table.Td>
                <Group gap="sm">
                  <span>{status?.siteUrl ?? 'No ConnectWise site saved'}</span>
                  <Badge color={connected ? 'green' : 'red'} variant="light">
                    {connected ? 'Connected' : 'Not Connected'}
                  </Badge>
                </Group>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Integration Version</Table.Th>
              <Table.Td>{connected ? (status?.apiVersion ?? 'Unknown') : '—'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

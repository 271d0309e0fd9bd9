import { Button, Group, Modal, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useConnectWiseConnection } from './connectwiseConnectionStore';

/** "Administrative Actions": Disconnect, behind a confirmation. */
export function AdministrativeActions() {
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const busy = useConnectWiseConnection((state) => state.busy);
  const outcome = useConnectWiseConnection((state) => state.outcome);
  const disconnect = useConnectWiseConnection((state) => state.remove);

  const confirm = async () => {
    setFailed(false);
    if (await disconnect()) {
      setConfirming(false);
      notifications.show({ color: 'green', message: 'Integration disconnected successfully.' });
    } else {
      setFailed(true);
    }
  };

  return (
    <Paper
      component="section"
      aria-labelledby="administrative-actions"
      withBorder
      p="lg"
      style={{
        borderColor: 'var(--mantine-color-red-4)',
        backgroundColor: 'var(--mantine-color-red-0)',
      }}
    >
      <Stack gap="xs">
        <Title order={2} size="h4" id="administrative-actions">
          Administrative Actions
        </Title>
        <Text size="sm">
          Disconnecting stops all synchronization with ConnectWise and removes the private key from
          this computer. Mappings and loaded invoice lines are kept.
        </Text>
        <Group>
          <Button color="red" disabled={busy !== null} onClick={() => setConfirming(true)}>
            Disconnect
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Disconnect the integration?"
        centered
      >
        <Stack>
          <Group align="flex-start" wrap="nowrap">
            <ThemeIcon
              color="red"
              variant="light"
              size="lg"
              radius="xl"
              role="img"
              aria-label="Warning"
            >
              <TriangleAlert size={20} aria-hidden />
            </ThemeIcon>
            <Text size="sm">
              Running and scheduled syncs stop, and the API private key is deleted from this
              computer's keychain. You will need the keys again to reconnect.
            </Text>
          </Group>
          {failed && outcome && (
            <Text c="red" size="sm" role="alert">
              {outcome.text}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" loading={busy === 'removing'} onClick={confirm}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

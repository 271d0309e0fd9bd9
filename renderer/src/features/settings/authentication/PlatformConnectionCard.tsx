import {
  Alert,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { CircleCheck, CircleX } from 'lucide-react';
import { useEffect } from 'react';
import { usePlatformConnection } from './platformConnectionStore';

/** Where the app reads the Platform's billing data from (an export file needs no connection). */
export function PlatformConnectionCard() {
  const { saved, draft, errors, busy, outcome, setField, test, save, remove } =
    usePlatformConnection();

  useEffect(() => {
    void usePlatformConnection.getState().load();
  }, []);

  return (
    <Paper component="section" aria-labelledby="platform-connection" withBorder p="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id="platform-connection">
              Platform Connection
            </Title>
            <Text size="sm" c="dimmed">
              The Platform API the app loads invoice lines from. Without it, load lines from an
              export file.
            </Text>
          </div>
          <TextInput
            label="Platform API URL"
            placeholder="https://api.platform.example"
            required
            value={draft.baseUrl}
            error={errors.baseUrl}
            onChange={(event) => setField('baseUrl', event.currentTarget.value)}
          />
          <PasswordInput
            label="Platform API Token"
            required
            autoComplete="off"
            placeholder={saved ? '********' : undefined}
            description={
              saved ? 'Saved in the OS keychain. Enter it again to change the URL.' : undefined
            }
            value={draft.token}
            error={errors.token}
            onChange={(event) => setField('token', event.currentTarget.value)}
          />
          <Group>
            <Button
              variant="default"
              loading={busy === 'testing'}
              disabled={busy !== null && busy !== 'testing'}
              onClick={() => void test()}
            >
              Test Platform Connection
            </Button>
            <Button
              type="submit"
              loading={busy === 'saving'}
              disabled={busy !== null && busy !== 'saving'}
            >
              Save Platform Connection
            </Button>
            {saved && (
              <Button
                variant="subtle"
                color="red"
                loading={busy === 'removing'}
                disabled={busy !== null}
                onClick={() => void remove()}
              >
                Remove Platform Connection
              </Button>
            )}
          </Group>
          <div aria-live="polite">
            {outcome?.kind === 'test-passed' && (
              <Alert
                color="green"
                icon={<CircleCheck size={18} aria-hidden />}
                title="Test is successful."
              >
                {outcome.platformName}, account {outcome.accountName}
              </Alert>
            )}
            {outcome?.kind === 'saved' && saved && (
              <Alert
                color="green"
                icon={<CircleCheck size={18} aria-hidden />}
                title="Platform connection saved."
              >
                {saved.platformName}, account {saved.accountName}
              </Alert>
            )}
            {outcome?.kind === 'failed' && (
              <Alert color="red" icon={<CircleX size={18} aria-hidden />} title={outcome.title}>
                {outcome.problem.kind}: {outcome.problem.message}
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

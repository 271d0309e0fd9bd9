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
import { AdministrativeActions } from './AdministrativeActions';
import { type Outcome, useAuthentication } from './authenticationStore';
import { CredentialsHelp } from './CredentialsHelp';
import { PlatformConnectionCard } from './PlatformConnectionCard';

export function AuthenticationTab() {
  const saved = useAuthentication((state) => state.saved);
  const draft = useAuthentication((state) => state.draft);
  const errors = useAuthentication((state) => state.fieldErrors);
  const busy = useAuthentication((state) => state.busy);
  const setField = useAuthentication((state) => state.setField);
  const test = useAuthentication((state) => state.test);
  const save = useAuthentication((state) => state.save);
  const loadError = useAuthentication((state) => state.loadError);

  useEffect(() => {
    void useAuthentication.getState().load();
  }, []);

  return (
    <Stack gap="lg" maw={720}>
      <CredentialsHelp />
      {loadError && (
        <Alert color="red" icon={<CircleX size={18} aria-hidden />}>
          {loadError}
        </Alert>
      )}
      <Paper component="section" aria-labelledby="connection-credentials" withBorder p="lg">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack gap="md">
            <div>
              <Title order={2} size="h4" id="connection-credentials">
                Connection Credentials
              </Title>
              <Text size="sm" c="dimmed">
                Configure your ConnectWise Integration to manage and bill your customers.
              </Text>
            </div>
            <TextInput
              label="API URL"
              placeholder="https://staging.connectwisedev.com"
              required
              autoComplete="url"
              value={draft.siteUrl}
              error={errors.siteUrl}
              onChange={(event) => setField('siteUrl', event.currentTarget.value)}
            />
            <TextInput
              label="ConnectWise Company ID"
              required
              autoComplete="organization"
              value={draft.companyId}
              error={errors.companyId}
              onChange={(event) => setField('companyId', event.currentTarget.value)}
            />
            <TextInput
              label="API Public Key"
              required
              autoComplete="off"
              spellCheck={false}
              value={draft.publicKey}
              error={errors.publicKey}
              onChange={(event) => setField('publicKey', event.currentTarget.value)}
            />
            <PasswordInput
              label="API Private Key"
              required
              autoComplete="off"
              placeholder={saved ? '********' : undefined}
              description={
                saved ? 'Saved in the OS keychain. Enter it again to change any field.' : undefined
              }
              value={draft.privateKey}
              error={errors.privateKey}
              onChange={(event) => setField('privateKey', event.currentTarget.value)}
            />
            <Group>
              <Button
                variant="default"
                loading={busy === 'testing'}
                disabled={busy !== null && busy !== 'testing'}
                onClick={() => void test()}
              >
                Test Connection
              </Button>
              <Button
                type="submit"
                loading={busy === 'saving'}
                disabled={busy !== null && busy !== 'saving'}
              >
                Save
              </Button>
            </Group>
            <OutcomeMessage />
          </Stack>
        </form>
      </Paper>
      <PlatformConnectionCard />
      {saved && <AdministrativeActions />}
    </Stack>
  );
}

function OutcomeMessage() {
  const outcome = useAuthentication((state) => state.outcome);
  const busy = useAuthentication((state) => state.busy);
  return (
    <div aria-live="polite">
      {busy === 'testing' && <Text size="sm">Testing the connection…</Text>}
      {busy === 'saving' && <Text size="sm">Testing and saving the connection…</Text>}
      {outcome && <OutcomeAlert outcome={outcome} />}
    </div>
  );
}

function OutcomeAlert({ outcome }: { outcome: NonNullable<Outcome> }) {
  if (outcome.kind === 'test-passed') {
    return (
      <Alert color="green" icon={<CircleCheck size={18} aria-hidden />} title="Test is successful.">
        {outcome.companyName ? `${outcome.companyName}, ` : ''}ConnectWise {outcome.apiVersion}
      </Alert>
    );
  }
  const title = outcome.kind === 'test-failed' ? 'Test is not successful.' : outcome.message;
  return (
    <Alert color="red" icon={<CircleX size={18} aria-hidden />} title={title}>
      {outcome.problem.kind}: {outcome.problem.message}
    </Alert>
  );
}

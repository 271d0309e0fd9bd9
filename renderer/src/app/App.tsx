import {
  Alert,
  AppShell,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { DashboardPage } from '@renderer/features/dashboard';
import { SystemLogsPage } from '@renderer/features/logs';
import { MappingPage } from '@renderer/features/mapping';
import { ScheduleNotices } from '@renderer/features/schedule';
import { SettingsPage } from '@renderer/features/settings';
import type { Place } from '@shared/contract';
import { CircleAlert } from 'lucide-react';
import { useEffect } from 'react';
import { AppNavigation } from './AppNavigation';
import { useAppStatus } from './appStatusStore';
import { DemoBanner } from './DemoBanner';
import { settlePlace, useNavigation } from './navigationStore';

export function App() {
  const status = useAppStatus((state) => state.status);
  const loadError = useAppStatus((state) => state.loadError);
  const place = useNavigation((state) => state.place);

  useEffect(() => {
    const { load, loadInfo, follow } = useAppStatus.getState();
    const stop = follow();
    void load();
    void loadInfo();
    return stop;
  }, []);

  useEffect(() => {
    if (status) settlePlace(status);
  }, [status]);

  if (loadError) {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title="The app could not start" icon={<CircleAlert aria-hidden />}>
          {loadError}
        </Alert>
      </Center>
    );
  }
  if (!status || !place) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }

  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm">
        <Group px="xs" pb="md">
          <Title order={2} size="h5">
            ConnectWise Billing Sync
          </Title>
        </Group>
        <AppNavigation status={status} />
      </AppShell.Navbar>
      <AppShell.Main>
        <DemoBanner />
        <Screen place={place} />
      </AppShell.Main>
      <UnsavedChangesPrompt />
      <ScheduleNotices />
    </AppShell>
  );
}

function UnsavedChangesPrompt() {
  const pending = useNavigation((state) => state.pending);
  const leaveAnyway = useNavigation((state) => state.leaveAnyway);
  const stay = useNavigation((state) => state.stay);
  return (
    <Modal opened={pending !== null} onClose={stay} title="Leave without saving?" centered>
      <Stack>
        <Text size="sm">You have unsaved changes. They are lost if you leave now.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay}>
            Keep editing
          </Button>
          <Button color="red" onClick={leaveAnyway}>
            Discard changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Screen({ place }: { place: Place }) {
  switch (place.screen) {
    case 'dashboard':
      return <DashboardPage />;
    case 'mapping':
      return <MappingPage tab={place.tab} />;
    case 'logs':
      return <SystemLogsPage />;
    case 'settings':
      return <SettingsPage tab={place.tab} />;
  }
}

/** Shown when the page was opened without a way to reach the core. */
export function NoBridge() {
  return (
    <Center h="100vh" p="xl">
      <Alert color="red" title="Not connected to the app" icon={<CircleAlert aria-hidden />}>
        <Text>
          Open the address the preview printed when it started: it carries this run's access token.
        </Text>
      </Alert>
    </Center>
  );
}

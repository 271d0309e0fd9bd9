import { Alert, Anchor, Text } from '@mantine/core';
import { FlaskConical } from 'lucide-react';
import { useAppStatus } from './appStatusStore';

/**
 * `npm run demo` only: says that ConnectWise and the Platform are simulators on this machine,
 * and links to the pages where what was posted can be seen.
 */
export function DemoBanner() {
  const demo = useAppStatus((state) => state.info?.demo ?? null);
  if (!demo) return null;
  return (
    <Alert
      color="grape"
      variant="light"
      mb="md"
      icon={<FlaskConical aria-hidden />}
      title="Demo: ConnectWise and the Platform are simulators on this machine"
    >
      <Text size="sm">
        Nothing leaves this computer, and everything is gone when the demo stops. In Settings ›
        Authentication, "Use the demo ConnectWise" and "Use the demo Platform" fill in their
        details. See what was posted:{' '}
        <Anchor
          href={demo.connectwise.pageUrl}
          target="_blank"
          rel="noreferrer"
          c="grape.9"
          underline="always"
        >
          the ConnectWise simulator's Agreements and Additions
        </Anchor>{' '}
        ·{' '}
        <Anchor
          href={demo.platform.pageUrl}
          target="_blank"
          rel="noreferrer"
          c="grape.9"
          underline="always"
        >
          the Platform simulator
        </Anchor>
        .
      </Text>
    </Alert>
  );
}

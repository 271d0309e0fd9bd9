import { Alert, Button, Group, Text } from '@mantine/core';
import { TriangleAlert } from 'lucide-react';
import { useEffect } from 'react';
import { useMappingSite } from './mappingSiteStore';

/** After a reconnect to another ConnectWise site: reuse the mappings, or start over. */
export function MappingSiteNotice({ onDecided }: { onDecided(): void }) {
  const site = useMappingSite((state) => state.site);
  const error = useMappingSite((state) => state.error);
  const load = useMappingSite((state) => state.load);
  const decide = useMappingSite((state) => state.decide);

  useEffect(() => {
    void load();
  }, [load]);

  if (!site?.decisionNeeded) return null;
  const choose = async (reuse: boolean) => {
    await decide(reuse);
    onDecided();
  };
  return (
    <Alert
      color="orange"
      icon={<TriangleAlert size={18} aria-hidden />}
      title="These mappings were made for another ConnectWise site"
    >
      <Text size="sm">
        They were made for {site.mappingsSite}; the app is now connected to {site.connectedSite}.
        Reuse them only if it is the same ConnectWise data under a new address.
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group mt="sm">
        <Button variant="default" onClick={() => void choose(true)}>
          Reuse the mappings
        </Button>
        <Button color="red" variant="light" onClick={() => void choose(false)}>
          Start over
        </Button>
      </Group>
    </Alert>
  );
}

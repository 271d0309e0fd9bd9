import { Button, Group, NumberInput } from '@mantine/core';
import { useState } from 'react';

/** "Accept all with confidence ≥ N": maps every row whose best suggestion is that sure. */
export function AcceptAllControl({
  disabled,
  onAccept,
}: {
  disabled: boolean;
  onAccept(minConfidence: number): void;
}) {
  const [threshold, setThreshold] = useState<number>(90);
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        label="Minimum confidence"
        suffix="%"
        min={50}
        max={100}
        step={5}
        w={170}
        value={threshold}
        onChange={(value) => setThreshold(typeof value === 'number' ? value : 90)}
      />
      <Button variant="light" disabled={disabled} onClick={() => onAccept(threshold / 100)}>
        Accept all with confidence ≥ {threshold}%
      </Button>
    </Group>
  );
}

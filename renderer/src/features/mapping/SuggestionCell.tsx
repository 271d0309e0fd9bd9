import { Button, Group, Text } from '@mantine/core';
import type { MappingStatus } from '@shared/contract';
import { MappingStatusBadge, percent } from './MappingStatusBadge';

/** "Mapping Status": the badge, then the best suggestion (with Accept) or what is wrong. */
export function SuggestionCell({
  status,
  statusDetail,
  best,
  acceptLabel,
  onAccept,
}: {
  status: MappingStatus;
  statusDetail: string | null;
  best: { name: string; confidence: number; reason: string } | undefined;
  /** The Accept button's accessible name; no button when null (read-only). */
  acceptLabel: string | null;
  onAccept(): void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <MappingStatusBadge status={status} />
      {best ? (
        <>
          <Text size="xs" truncate title={best.reason}>
            {best.name} ({percent(best.confidence)}): {best.reason}
          </Text>
          {acceptLabel && (
            <Button size="compact-xs" variant="light" aria-label={acceptLabel} onClick={onAccept}>
              Accept
            </Button>
          )}
        </>
      ) : (
        statusDetail && (
          <Text size="xs" c={status === 'Response Error' ? 'red' : 'dimmed'} truncate>
            {statusDetail}
          </Text>
        )
      )}
    </Group>
  );
}

import { Badge } from '@mantine/core';
import type { MappingStatus } from '@shared/contract';

const colors: Record<MappingStatus, string> = {
  Mapped: 'green',
  'Not Mapped': 'gray',
  Suggested: 'blue',
  Excluded: 'dark',
  'Response Error': 'red',
};

export function MappingStatusBadge({ status }: { status: MappingStatus }) {
  return (
    <Badge variant="light" color={colors[status]}>
      {status}
    </Badge>
  );
}

/** "92%": how a suggestion's confidence is shown. */
export const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

import { Badge } from '@mantine/core';
import type { LogLevel } from '@shared/contract';
import { DateTime } from 'luxon';

const colors: Record<LogLevel, string> = { info: 'blue', warning: 'orange', error: 'red' };

/** "INFO", "WARNING", "ERROR" (docs/product.md §7.1). */
export function LevelBadge({ level }: { level: LogLevel }) {
  return (
    <Badge color={colors[level]} variant="light">
      {level.toUpperCase()}
    </Badge>
  );
}

/** `YYYY-MM-DD HH:MM` in the workstation's time zone. */
export function timestampOf(at: string): string {
  return DateTime.fromISO(at).toFormat('yyyy-MM-dd HH:mm');
}

import { Button, Group, Progress, Text } from '@mantine/core';
import type { RunningJob } from '@renderer/app/jobProgress';
import type { ReactNode } from 'react';

/** A button that starts a long job; while it runs, its progress and a Cancel button. */
export function JobControls({
  label,
  icon,
  job,
  disabled,
  onStart,
  onCancel,
}: {
  label: string;
  icon: ReactNode;
  job: RunningJob | null;
  disabled: boolean;
  onStart(): void;
  onCancel(): void;
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Button leftSection={icon} loading={job !== null} disabled={disabled} onClick={onStart}>
        {label}
      </Button>
      {job && (
        <Group gap="xs" wrap="nowrap" aria-live="polite">
          <div style={{ minWidth: 220 }}>
            <Text size="sm">{job.message}</Text>
            <Progress
              aria-label={`${label} progress`}
              value={job.total ? (job.done / job.total) * 100 : 100}
              animated={!job.total}
              size="sm"
            />
          </div>
          <Button variant="default" size="xs" disabled={!job.jobId} onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      )}
    </Group>
  );
}

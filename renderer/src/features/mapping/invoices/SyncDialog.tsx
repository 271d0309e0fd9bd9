import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { PostingPreview } from '@shared/contract';
import { CircleCheck, CircleX } from 'lucide-react';
import type { ReactNode } from 'react';
import { useSync } from './syncStore';

const shown = (value: unknown) =>
  value === undefined || value === null ? '—' : String(value).replace('T00:00:00Z', '');

/** A titled part of the preview, shown only when it lists something. */
function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section aria-label={title}>
      <Title order={3} size="h6" mb={4}>
        {title} ({count})
      </Title>
      <ScrollArea.Autosize mah={180} type="auto">
        {children}
      </ScrollArea.Autosize>
    </section>
  );
}

/** "3 Needs attention, 240 Not Mapped, 2 Excluded". */
function skippedCounts(preview: PostingPreview): string {
  const counts = new Map<string, number>();
  for (const skipped of preview.skipped) {
    counts.set(skipped.status, (counts.get(skipped.status) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}

function PreviewBody({ preview }: { preview: PostingPreview }) {
  const confirm = useSync((state) => state.confirmCancellations);
  const setConfirm = useSync((state) => state.setConfirmCancellations);
  // Lines a posting rule holds back are listed; the rest are counted by status.
  const needsAttention = preview.skipped.filter((skipped) => skipped.status === 'Needs attention');
  const nothing =
    preview.creates.length === 0 &&
    preview.updates.length === 0 &&
    preview.cancellations.length === 0;
  return (
    <Stack gap="md">
      <Text size="sm">
        {preview.lines} {preview.lines === 1 ? 'line' : 'lines'} of {preview.period}:{' '}
        {preview.creates.length} Additions to create, {preview.updates.length} to update,{' '}
        {preview.adopted} already in ConnectWise, {preview.skipped.length} skipped.
      </Text>
      {nothing && (
        <Alert color="blue" title="Nothing to post">
          Every line in scope is posted already or waits for something (see below).
        </Alert>
      )}
      <Section title="Agreements to create" count={preview.newAgreements.length}>
        <Table fz="sm">
          <Table.Tbody>
            {preview.newAgreements.map((agreement) => (
              <Table.Tr key={agreement.name}>
                <Table.Td>{agreement.name}</Table.Td>
                <Table.Td>{agreement.companyName}</Table.Td>
                <Table.Td>{agreement.currency}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title="Additions to create" count={preview.creates.length}>
        <Table fz="sm">
          <Table.Tbody>
            {preview.creates.map((create) => (
              <Table.Tr key={`${create.agreementName}|${create.marker}`}>
                <Table.Td>{create.values.invoiceDescription}</Table.Td>
                <Table.Td>{create.agreementName}</Table.Td>
                <Table.Td>
                  {shown(create.values.quantity)} × {shown(create.values.unitPrice)}
                </Table.Td>
                <Table.Td>
                  {shown(create.values.effectiveDate)} – {shown(create.values.cancelledDate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title="Recurring Additions to update" count={preview.updates.length}>
        <List size="sm" spacing={4}>
          {preview.updates.map((update) => (
            <List.Item key={`${update.agreementName}|${update.marker}`}>
              {update.to.invoiceDescription ?? update.marker} on {update.agreementName}: quantity{' '}
              {shown(update.from.quantity)} → {shown(update.to.quantity)}, unit price{' '}
              {shown(update.from.unitPrice)} → {shown(update.to.unitPrice)}, ends{' '}
              {shown(update.from.cancelledDate)} → {shown(update.to.cancelledDate)}
            </List.Item>
          ))}
        </List>
      </Section>
      <Section
        title="These Additions will be cancelled in ConnectWise"
        count={preview.cancellations.length}
      >
        <List size="sm" spacing={4}>
          {preview.cancellations.map((cancellation) => (
            <List.Item key={cancellation.marker}>
              {cancellation.subscriptionName} on {cancellation.agreementName}: cancelled from{' '}
              {shown(cancellation.cancelledDate)}
            </List.Item>
          ))}
        </List>
        <Checkbox
          mt="xs"
          label="Cancel these Additions in ConnectWise"
          checked={confirm}
          onChange={(event) => setConfirm(event.currentTarget.checked)}
        />
      </Section>
      <Section title="Lines skipped" count={preview.skipped.length}>
        <Text size="sm" mb={4}>
          {skippedCounts(preview)}
        </Text>
        {needsAttention.length > 0 && (
          <Table fz="sm" aria-label="Lines that need attention">
            <Table.Tbody>
              {needsAttention.map((skipped) => (
                <Table.Tr key={skipped.lineId}>
                  <Table.Td>{skipped.lineId}</Table.Td>
                  <Table.Td>{skipped.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Stack>
  );
}

/** "Sync to PSA": what will be posted, the run, and what came of it. */
export function SyncDialog() {
  const { phase, preview, job, summary, error, post, cancel, close } = useSync();
  const busy = phase === 'previewing' || phase === 'running';
  return (
    <Modal
      opened={phase !== 'closed'}
      onClose={close}
      title="Sync to PSA"
      size="xl"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      {phase !== 'closed' && (
        <Stack gap="md">
          {job && (
            <Stack gap={4} aria-live="polite">
              <Text size="sm">{job.message}</Text>
              <Progress
                aria-label="Sync to PSA progress"
                value={job.total ? (job.done / job.total) * 100 : 100}
                animated={!job.total}
              />
            </Stack>
          )}
          {error && (
            <Alert color="red" icon={<CircleX size={18} aria-hidden />} role="alert">
              {error}
            </Alert>
          )}
          {phase === 'preview' && preview && <PreviewBody preview={preview} />}
          {phase === 'summary' && summary && (
            <Alert
              color={
                summary.failed.length > 0 || summary.duplicates.length > 0 ? 'orange' : 'green'
              }
              icon={<CircleCheck size={18} aria-hidden />}
              title={
                summary.status === 'cancelled' ? 'Sync to PSA cancelled' : 'Sync to PSA finished'
              }
              role="status"
            >
              <Text size="sm">
                {summary.posted} posted, {summary.updated} updated, {summary.adopted} already in
                ConnectWise, {summary.cancelledAdditions} cancelled, {summary.skipped} skipped,{' '}
                {summary.failed.length} failed, in {summary.seconds.toFixed(1)} s.
              </Text>
              {summary.failed.length > 0 && (
                <List size="sm" mt="xs">
                  {summary.failed.map((failure) => (
                    <List.Item key={failure.lineIds.join(',') || failure.reason}>
                      {failure.lineIds.join(', ') || 'Run'}: {failure.reason}
                    </List.Item>
                  ))}
                </List>
              )}
              {summary.duplicates.length > 0 && (
                <List size="sm" mt="xs">
                  {summary.duplicates.map((duplicate) => (
                    <List.Item key={duplicate.marker}>
                      Duplicate found: {duplicate.marker} (Additions{' '}
                      {duplicate.additionIds.join(', ')})
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            {busy ? (
              <Button variant="default" disabled={!job?.jobId} onClick={() => void cancel()}>
                Cancel
              </Button>
            ) : phase === 'preview' ? (
              <>
                <Button variant="default" onClick={close}>
                  Close
                </Button>
                <Button
                  disabled={
                    !preview ||
                    (preview.creates.length === 0 &&
                      preview.updates.length === 0 &&
                      preview.cancellations.length === 0 &&
                      preview.adopted === 0)
                  }
                  onClick={() => void post()}
                >
                  Post to ConnectWise
                </Button>
              </>
            ) : (
              <Button onClick={close}>Done</Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

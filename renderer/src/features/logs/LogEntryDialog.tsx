import { Badge, Button, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useNavigation } from '@renderer/app/navigationStore';
import type { LogEntryDetail, LogExchange } from '@shared/contract';
import { showInvoiceLines } from '../mapping';
import { LevelBadge, timestampOf } from './LogLevel';
import { useLogs } from './logsStore';

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Body({ label, body }: { label: string; body: string | null }) {
  if (!body) return null;
  return (
    <>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code block aria-label={label}>
        {pretty(body)}
      </Code>
    </>
  );
}

function Exchange({ exchange }: { exchange: LogExchange }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="log-exchange">
      <Title order={3} size="h5" id="log-exchange">
        ConnectWise request and response
      </Title>
      <Text size="sm">
        <Code>
          {exchange.method} {exchange.path}
        </Code>{' '}
        {exchange.status !== null && <Badge variant="outline">HTTP {exchange.status}</Badge>}
      </Text>
      <Text size="xs" c="dimmed">
        Headers are never kept; keys and tokens are taken out before anything is written.
      </Text>
      <Body label="Request body" body={exchange.requestBody} />
      <Body label="Response body" body={exchange.responseBody} />
    </Stack>
  );
}

function Subject({ entry }: { entry: LogEntryDetail }) {
  const close = useLogs((state) => state.closeEntry);
  const subject = entry.subject;
  if (!subject) return null;
  const [first] = subject.lineIds;
  const many = subject.lineIds.length > 1;
  return (
    <Group gap="xs">
      <Text size="sm">
        {many ? `${subject.lineIds.length} lines` : `Line ${first}`} of {subject.period}
      </Text>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => {
          close();
          useNavigation.getState().go({ screen: 'mapping', tab: 'invoices' });
          showInvoiceLines(subject.period, many ? { status: 'Failed' } : { search: first ?? '' });
        }}
      >
        {many ? 'Show the failed lines' : 'Show the line'}
      </Button>
    </Group>
  );
}

/** One entry in full: why it failed, what to do, what it concerns and what was sent. */
export function LogEntryDialog() {
  const entry = useLogs((state) => state.entry);
  const close = useLogs((state) => state.closeEntry);
  return (
    <Modal opened={entry !== null} onClose={close} title={entry?.title ?? ''} size="xl">
      {entry && (
        <Stack gap="md">
          <Group gap="sm">
            <LevelBadge level={entry.level} />
            <Text size="sm">{timestampOf(entry.at)}</Text>
          </Group>
          {entry.details && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.details}
            </Text>
          )}
          {entry.troubleshooting && (
            <Stack gap={4} component="section" aria-labelledby="log-troubleshooting">
              <Title order={3} size="h5" id="log-troubleshooting">
                {entry.troubleshooting.name}
              </Title>
              <Text size="sm">
                <Text span fw={600}>
                  What happened:{' '}
                </Text>
                {entry.troubleshooting.happened}
              </Text>
              <Text size="sm">
                <Text span fw={600}>
                  Remedy:{' '}
                </Text>
                {entry.troubleshooting.remedy}
              </Text>
            </Stack>
          )}
          <Subject entry={entry} />
          {entry.exchange && <Exchange exchange={entry.exchange} />}
        </Stack>
      )}
    </Modal>
  );
}

import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Progress,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { bridge } from '@renderer/bridge';
import { CircleCheck, CircleX } from 'lucide-react';
import { DateTime } from 'luxon';
import { useLoadDialog } from './loadDialogStore';

export function monthLabel(period: string): string {
  return DateTime.fromFormat(period, 'yyyy-MM', { zone: 'utc' }).toFormat('LLLL yyyy');
}

/** "Load Invoice Lines": which months, from which source, with progress, cancel and problems. */
export function LoadInvoicesDialog() {
  const dialog = useLoadDialog();
  const { changeDialog: change, closeDialog: close, startLoad: start, cancelLoad: cancel } = dialog;
  const { choices, uploading } = dialog;
  const running = dialog.running !== null;

  const togglePeriod = (period: string, checked: boolean) =>
    change({
      periods: checked ? [...dialog.periods, period] : dialog.periods.filter((p) => p !== period),
    });

  return (
    <Modal
      opened={dialog.open}
      onClose={close}
      title="Load Invoice Lines"
      size="lg"
      closeOnClickOutside={!running}
    >
      <Stack gap="md">
        <Text size="sm">Select which periods to load invoice lines for.</Text>
        {choices && (
          <Group>
            <Checkbox
              label={`Current Month (${monthLabel(choices.current)})`}
              checked={dialog.periods.includes(choices.current)}
              disabled={running}
              onChange={(event) => togglePeriod(choices.current, event.currentTarget.checked)}
            />
            <Checkbox
              label={`Previous Month (${monthLabel(choices.previous)})`}
              checked={dialog.periods.includes(choices.previous)}
              disabled={running}
              onChange={(event) => togglePeriod(choices.previous, event.currentTarget.checked)}
            />
          </Group>
        )}
        <Radio.Group
          label="Source"
          value={dialog.source}
          onChange={(value) => change({ source: value === 'file' ? 'file' : 'platform' })}
        >
          <Stack gap="xs" mt="xs">
            <Radio
              value="platform"
              label="Platform connection"
              description={
                choices?.platformConnected
                  ? undefined
                  : 'Save a Platform Connection in Settings › Authentication first.'
              }
              disabled={running || !choices?.platformConnected}
            />
            <Radio value="file" label="Export file (CSV, XLSX or JSON)" disabled={running} />
          </Stack>
        </Radio.Group>
        {dialog.source === 'file' && (
          <Stack gap="xs">
            {bridge().upload ? (
              <FileInput
                label="Export file"
                placeholder="Choose a .csv, .xlsx or .json file"
                accept=".csv,.txt,.xlsx,.json"
                clearable
                disabled={running || uploading}
                description={
                  uploading
                    ? 'Reading the file…'
                    : dialog.file
                      ? `${dialog.file.name}, ${dialog.file.size} bytes`
                      : undefined
                }
                onChange={(file) => void dialog.uploadFile(file)}
              />
            ) : (
              <Group>
                <Button variant="default" onClick={() => void dialog.pickFile()} disabled={running}>
                  Choose export file…
                </Button>
                <Text size="sm">{dialog.file?.name ?? 'No file chosen'}</Text>
              </Group>
            )}
            <Group grow>
              <Select
                label="Dates in the file"
                data={[
                  { value: 'iso', label: 'Year first (2026-01-31)' },
                  { value: 'day-first', label: 'Day first (31.01.2026 or 31/01/2026)' },
                ]}
                value={dialog.options.dateOrder ?? 'iso'}
                allowDeselect={false}
                disabled={running}
                onChange={(value) =>
                  change({
                    options: {
                      ...dialog.options,
                      dateOrder: value === 'day-first' ? 'day-first' : 'iso',
                    },
                  })
                }
              />
              <Select
                label="Decimal mark"
                data={[
                  { value: 'auto', label: 'As the file shows' },
                  { value: '.', label: 'Point (12.50)' },
                  { value: ',', label: 'Comma (12,50)' },
                ]}
                value={dialog.options.decimalMark ?? 'auto'}
                allowDeselect={false}
                disabled={running}
                onChange={(value) =>
                  change({
                    options: {
                      ...dialog.options,
                      decimalMark: value === '.' || value === ',' ? value : 'auto',
                    },
                  })
                }
              />
            </Group>
          </Stack>
        )}

        {dialog.running && (
          <Stack gap={4} aria-live="polite">
            <Progress
              value={
                dialog.running.total ? (100 * dialog.running.done) / dialog.running.total : 100
              }
              animated={!dialog.running.total}
              aria-label="Load progress"
            />
            <Text size="sm">{dialog.running.message || 'Loading…'}</Text>
          </Stack>
        )}
        {dialog.error && (
          <Alert color="red" icon={<CircleX size={18} aria-hidden />}>
            {dialog.error}
          </Alert>
        )}
        {dialog.result?.ok === true && (
          <Alert
            color="green"
            icon={<CircleCheck size={18} aria-hidden />}
            title="Invoice lines loaded."
          >
            {dialog.result.periods
              .map(
                (p) =>
                  `${monthLabel(p.period)}: ${p.lines} lines${p.keptSynced ? `, ${p.keptSynced} already synced kept` : ''}`,
              )
              .join('; ')}
            {dialog.result.outsidePeriods > 0 &&
              ` ${dialog.result.outsidePeriods} lines dated in other months were skipped.`}
          </Alert>
        )}
        {dialog.result?.ok === false && <ProblemList result={dialog.result} />}

        <Group justify="flex-end">
          {running ? (
            <Button color="red" variant="light" onClick={() => void cancel()}>
              Cancel loading
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                {dialog.result?.ok ? 'Done' : 'Cancel'}
              </Button>
              <Button onClick={() => void start()} disabled={uploading}>
                Load
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function ProblemList({
  result,
}: {
  result: Extract<NonNullable<ReturnType<typeof useLoadDialog.getState>['result']>, { ok: false }>;
}) {
  return (
    <Alert
      color="red"
      icon={<CircleX size={18} aria-hidden />}
      title="The file was not loaded: nothing was changed."
    >
      <Text size="sm" mb="xs">
        {result.totalProblems === 1 ? '1 problem' : `${result.totalProblems} problems`} to fix in
        the file:
      </Text>
      <ScrollArea.Autosize mah={240}>
        <Table withTableBorder striped fz="xs" aria-label="Problems in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their place in the list.
              <Table.Tr key={index}>
                <Table.Td>{problem.row || '—'}</Table.Td>
                <Table.Td>{problem.column ?? '—'}</Table.Td>
                <Table.Td>{problem.value ?? '—'}</Table.Td>
                <Table.Td>{problem.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Alert>
  );
}

import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { LineEdit } from '@shared/contract';
import { CircleX } from 'lucide-react';
import { useState } from 'react';
import { useInvoiceSelection } from './invoiceSelectionStore';
import { useLineEdit } from './lineEditStore';

type Field = 'chargeStart' | 'chargeEnd' | 'included';

/** "Bulk Update": one edit for every selected line; synced lines are left as they were sent. */
export function BulkUpdateDialog() {
  const open = useLineEdit((state) => state.bulkOpen);
  const close = useLineEdit((state) => state.close);
  return (
    <Modal opened={open} onClose={close} title="Bulk Update" size="md">
      {/* Mounted only while open, so each Bulk Update starts from a blank form. */}
      {open && <BulkUpdateForm />}
    </Modal>
  );
}

function BulkUpdateForm() {
  const { busy, error, bulk, close } = useLineEdit();
  const count = useInvoiceSelection((state) => state.selected.size);
  const [field, setField] = useState<Field>('chargeStart');
  const [date, setDate] = useState('');
  const [computed, setComputed] = useState(false);
  const [included, setIncluded] = useState('exclude');

  const edit: LineEdit | null =
    field === 'included'
      ? { field: 'included', included: included === 'include' }
      : computed || date
        ? { field: 'dates', [field]: computed ? null : date }
        : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (edit) void bulk(edit);
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          Applies one change to the {count} selected {count === 1 ? 'line' : 'lines'}.
        </Text>
        <Radio.Group label="Change" value={field} onChange={(value) => setField(value as Field)}>
          <Stack gap={6} mt={4}>
            <Radio value="chargeStart" label="Charge Start Date" />
            <Radio value="chargeEnd" label="Charge End Date" />
            <Radio value="included" label="Include or exclude" />
          </Stack>
        </Radio.Group>
        {field === 'included' ? (
          <Radio.Group label="Lines" value={included} onChange={setIncluded}>
            <Group mt={4}>
              <Radio value="include" label="Include in Sync to PSA" />
              <Radio value="exclude" label="Exclude from Sync to PSA" />
            </Group>
          </Radio.Group>
        ) : (
          <>
            <TextInput
              type="date"
              label={field === 'chargeStart' ? 'New Charge Start Date' : 'New Charge End Date'}
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              disabled={computed}
            />
            <Checkbox
              label="Use the computed date instead"
              checked={computed}
              onChange={(event) => setComputed(event.currentTarget.checked)}
            />
          </>
        )}
        {error && (
          <Alert color="red" icon={<CircleX size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={!edit || count === 0}>
            Apply to {count} {count === 1 ? 'line' : 'lines'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { DateToSend, InvoiceLineRow } from '@shared/contract';
import { CircleX, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { type LineChanges, useLineEdit } from './lineEditStore';

/** A date field: the date sent, and a way back to the computed one when the user set it. */
function DateField({
  label,
  shown,
  value,
  onChange,
}: {
  label: string;
  shown: DateToSend;
  /** undefined: unchanged; null: back to the computed date. */
  value: string | null | undefined;
  onChange(value: string | null | undefined): void;
}) {
  const userSet = value === undefined ? shown.badge === 'User Updated' : value !== null;
  const description =
    value === null
      ? 'The computed date will be used.'
      : userSet
        ? `User Updated. The Platform's date: ${shown.platformDate}.`
        : shown.badge === 'System Updated'
          ? `Set by a charge-date rule. The Platform's date: ${shown.platformDate}.`
          : undefined;
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        type="date"
        label={label}
        description={description}
        value={value === undefined ? shown.date : (value ?? '')}
        onChange={(event) => onChange(event.currentTarget.value || null)}
        required={value !== null}
        style={{ flex: 1 }}
      />
      {userSet && (
        <Button
          variant="default"
          leftSection={<RotateCcw size={14} aria-hidden />}
          onClick={() => onChange(null)}
          aria-label={`Use computed date for ${label}`}
        >
          Use computed date
        </Button>
      )}
    </Group>
  );
}

function EditForm({ line }: { line: InvoiceLineRow }) {
  const { choices, choicesError, busy, error, chooseCompany, retryChoices, save, close } =
    useLineEdit();
  const [changes, setChanges] = useState<LineChanges>({});
  const change = (next: LineChanges) => setChanges((current) => ({ ...current, ...next }));

  const companyId =
    changes.companyId !== undefined ? changes.companyId : (choices?.companyId ?? null);
  const agreementId =
    changes.agreement !== undefined ? (changes.agreement?.id ?? null) : line.chosenAgreementId;
  const agreementOptions = (choices?.agreements ?? []).map((a) => ({
    value: String(a.id),
    label: a.name,
  }));
  if (
    agreementId !== null &&
    changes.agreement === undefined &&
    !agreementOptions.some((o) => o.value === String(agreementId))
  ) {
    agreementOptions.unshift({
      value: String(agreementId),
      label: line.psaAgreementName ?? `Agreement ${agreementId}`,
    });
  }
  const included = changes.included ?? line.included;
  const unchanged = Object.keys(changes).length === 0;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save(changes);
      }}
    >
      <Stack gap="md">
        <Text size="sm">
          {line.subscriptionName} · {line.chargeType.name} · invoice {line.invoiceId} ·{' '}
          {line.organizationName}
        </Text>
        {choicesError && (
          <Alert color="orange" role="alert">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{choicesError}</Text>
              <Button size="xs" variant="default" onClick={() => void retryChoices()}>
                Retry
              </Button>
            </Group>
          </Alert>
        )}
        <Select
          label="PSA Organization"
          description={
            choices && choices.companies.length > 1
              ? `${line.organizationName} is mapped to ${choices.companies.length} Companies.`
              : undefined
          }
          placeholder={choices || choicesError ? 'Choose a Company' : 'Reading…'}
          data={(choices?.companies ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={companyId === null ? null : String(companyId)}
          onChange={(value) => {
            if (!value) return;
            change({ companyId: Number(value), agreement: null });
            void chooseCompany(Number(value));
          }}
          disabled={!choices || choices.companies.length <= 1}
          rightSection={choices || choicesError ? undefined : <Loader size="xs" />}
          allowDeselect={false}
        />
        <Select
          label="PSA Agreement"
          description={
            choices
              ? `Active Agreements in ${choices.currency}. Empty: the Agreement this app created for the Contract, or a new one.`
              : undefined
          }
          placeholder="Found or created by the rules"
          data={agreementOptions}
          value={agreementId === null ? null : String(agreementId)}
          onChange={(value) => {
            const chosen = agreementOptions.find((o) => o.value === value);
            change({ agreement: chosen ? { id: Number(chosen.value), name: chosen.label } : null });
          }}
          clearable
          searchable
          disabled={companyId === null}
          nothingFoundMessage="No active Agreement in this currency"
        />
        <DateField
          label="Charge Start Date"
          shown={line.chargeStart}
          value={changes.chargeStart}
          onChange={(chargeStart) => change({ chargeStart })}
        />
        <DateField
          label="Charge End Date"
          shown={line.chargeEnd}
          value={changes.chargeEnd}
          onChange={(chargeEnd) => change({ chargeEnd })}
        />
        <Checkbox
          label="Include in Sync to PSA"
          checked={included}
          onChange={(event) => change({ included: event.currentTarget.checked })}
        />
        {error && (
          <Alert color="red" icon={<CircleX size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={unchanged}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Edits one unsynced line of Mapping › Invoices (docs/product.md §4.3). */
export function EditLineDialog() {
  const line = useLineEdit((state) => state.line);
  const close = useLineEdit((state) => state.close);
  return (
    <Modal opened={line !== null} onClose={close} title="Edit invoice line" size="lg">
      {line && <EditForm key={line.lineId} line={line} />}
    </Modal>
  );
}

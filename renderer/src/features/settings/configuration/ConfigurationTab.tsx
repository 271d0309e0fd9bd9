import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Radio,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { useNavigation } from '@renderer/app/navigationStore';
import {
  type BillingCycle,
  billingCycles,
  type ChargeType,
  chargeTypes,
  type EndDateRule,
  endDateRules,
  startDateRules,
} from '@shared/chargeDateVocabulary';
import { CircleX, Info, Plus, RefreshCw, Trash2 } from 'lucide-react';
import { type ReactNode, useEffect } from 'react';
import { NextAutomaticSync } from '../../schedule';
import { isDirty, newEndRule, newStartRule, useConfiguration } from './configurationStore';

const startRuleHelp =
  'Charge start dates are adjusted forward to the first day of the next month. Example: if charge starts on Jan 15, it will be set to Feb 1.';

export function ConfigurationTab() {
  const connection = useAppStatus((state) => state.status?.connectwiseConnection);
  const loading = useConfiguration((state) => state.loading);
  const saving = useConfiguration((state) => state.saving);
  const formError = useConfiguration((state) => state.formError);
  const dirty = useConfiguration(isDirty);
  const save = useConfiguration((state) => state.save);

  useEffect(() => {
    const { load, loadAgreementTypes, loadMarkerFields } = useConfiguration.getState();
    void load();
    if (connection === 'saved') {
      void loadAgreementTypes();
      void loadMarkerFields();
    }
  }, [connection]);

  useEffect(() => {
    const { setGuard } = useNavigation.getState();
    setGuard({
      hasUnsavedChanges: () => isDirty(useConfiguration.getState()),
      discard: () => useConfiguration.getState().discard(),
    });
    const warnOnUnload = (event: BeforeUnloadEvent) => {
      if (isDirty(useConfiguration.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnOnUnload);
    return () => {
      setGuard(null);
      window.removeEventListener('beforeunload', warnOnUnload);
    };
  }, []);

  if (connection !== 'saved') {
    return (
      <Alert color="blue" icon={<Info size={18} aria-hidden />} maw={880}>
        Save the ConnectWise credentials on the Authentication tab first: the Agreement Types come
        from ConnectWise.
      </Alert>
    );
  }
  if (loading) return <Loader aria-label="Loading the configuration" />;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save().then((saved) => {
          if (saved) notifications.show({ color: 'green', message: 'Configuration saved.' });
        });
      }}
    >
      <Stack gap="lg" maw={880}>
        <Text size="sm" c="dimmed">
          This setting applies to all future invoice syncs. Already-synced records in ConnectWise
          will not be retroactively updated.
        </Text>
        <AgreementTypeSection />
        <EndDateRulesSection />
        <StartDateRulesSection />
        <CustomNamesSection />
        <AutoSyncSection />
        <PostingOptionsSection />
        {formError && (
          <Alert
            color="red"
            icon={<CircleX size={18} aria-hidden />}
            title="The configuration was not saved."
          >
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            Save Configuration
          </Button>
          {dirty && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="lg">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function AgreementTypeSection() {
  const types = useConfiguration((state) => state.agreementTypes);
  const saved = useConfiguration((state) => state.saved);
  const value = useConfiguration((state) => state.draft.agreementTypeId);
  const error = useConfiguration((state) => state.errors.agreementTypeId);
  const change = useConfiguration((state) => state.change);
  const reload = useConfiguration((state) => state.loadAgreementTypes);

  const options = types.items.map((type) => ({ value: String(type.id), label: type.name }));
  if (saved && !options.some((option) => option.value === String(saved.agreementType.id))) {
    options.push({ value: String(saved.agreementType.id), label: saved.agreementType.name });
  }
  return (
    <Section
      id="agreement-type"
      title="Agreement Type"
      description="Used when a line has no matched Agreement. Lines cannot be posted until it is set."
    >
      <Group align="flex-end" wrap="nowrap">
        <Select
          label="Agreement Type"
          placeholder={
            types.status === 'loading' ? 'Loading agreement types…' : 'Select an Agreement Type'
          }
          required
          searchable
          nothingFoundMessage="No agreement type matches"
          data={options}
          value={value === null ? null : String(value)}
          onChange={(next) =>
            change((draft) => ({ ...draft, agreementTypeId: next ? Number(next) : null }))
          }
          error={error}
          rightSection={types.status === 'loading' ? <Loader size="xs" /> : undefined}
          style={{ flex: 1 }}
        />
        <ActionIcon
          variant="default"
          size="lg"
          aria-label="Refresh agreement types"
          onClick={() => void reload()}
          loading={types.status === 'loading'}
          mb={error ? 22 : 0}
        >
          <RefreshCw size={16} aria-hidden />
        </ActionIcon>
      </Group>
      {types.status === 'error' && (
        <Alert color="red" icon={<CircleX size={18} aria-hidden />}>
          The agreement types could not be loaded from ConnectWise: {types.error}
        </Alert>
      )}
    </Section>
  );
}

function EndDateRulesSection() {
  const rows = useConfiguration((state) => state.draft.endDateRules);
  const errors = useConfiguration((state) => state.errors);
  const change = useConfiguration((state) => state.change);
  const used = rows.map((row) => row.chargeType);
  return (
    <Section
      id="charge-end-date-configuration"
      title="Charge End Date Configuration"
      description="How the Charge End Date of each invoice line is set, per Charge Type. Without a rule the Platform's date is used."
    >
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="nowrap">
          <Select
            aria-label={`Charge Type of end date rule ${index + 1}`}
            placeholder="Charge Type"
            data={chargeTypes.filter((type) => type === row.chargeType || !used.includes(type))}
            value={row.chargeType}
            error={errors[`endDateRules.${index}.chargeType`]}
            onChange={(next) =>
              change((draft) => ({
                ...draft,
                endDateRules: draft.endDateRules.map((r) =>
                  r.key === row.key ? { ...r, chargeType: next as ChargeType | null } : r,
                ),
              }))
            }
            style={{ flex: 1 }}
          />
          <Select
            aria-label={`Rule of end date rule ${index + 1}`}
            placeholder="Rule"
            data={[...endDateRules]}
            value={row.rule}
            error={errors[`endDateRules.${index}.rule`]}
            onChange={(next) =>
              change((draft) => ({
                ...draft,
                endDateRules: draft.endDateRules.map((r) =>
                  r.key === row.key ? { ...r, rule: next as EndDateRule | null } : r,
                ),
              }))
            }
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove end date rule ${index + 1}`}
            onClick={() =>
              change((draft) => ({
                ...draft,
                endDateRules: draft.endDateRules.filter((r) => r.key !== row.key),
              }))
            }
          >
            <Trash2 size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<Plus size={16} aria-hidden />}
          disabled={rows.length >= chargeTypes.length}
          onClick={() =>
            change((draft) => ({ ...draft, endDateRules: [...draft.endDateRules, newEndRule()] }))
          }
          aria-label="Add Rule for Charge End Date"
        >
          Add Rule
        </Button>
      </Group>
    </Section>
  );
}

function StartDateRulesSection() {
  const rows = useConfiguration((state) => state.draft.startDateRules);
  const errors = useConfiguration((state) => state.errors);
  const change = useConfiguration((state) => state.change);
  const used = rows.map((row) => row.billingCycle);
  return (
    <Section
      id="charge-start-date-configuration"
      title="Charge Start Date Configuration"
      description="How the Charge Start Date is adjusted, per Billing Cycle."
    >
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="nowrap">
          <Select
            aria-label={`Billing Cycle of start date rule ${index + 1}`}
            placeholder="Billing Cycle"
            data={billingCycles.filter(
              (cycle) => cycle === row.billingCycle || !used.includes(cycle),
            )}
            value={row.billingCycle}
            error={errors[`startDateRules.${index}.billingCycle`]}
            onChange={(next) =>
              change((draft) => ({
                ...draft,
                startDateRules: draft.startDateRules.map((r) =>
                  r.key === row.key ? { ...r, billingCycle: next as BillingCycle | null } : r,
                ),
              }))
            }
            style={{ flex: 1 }}
          />
          <Select
            aria-label={`Rule of start date rule ${index + 1}`}
            data={[...startDateRules]}
            value={row.rule}
            allowDeselect={false}
            error={errors[`startDateRules.${index}.rule`]}
            onChange={() => {}}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove start date rule ${index + 1}`}
            onClick={() =>
              change((draft) => ({
                ...draft,
                startDateRules: draft.startDateRules.filter((r) => r.key !== row.key),
              }))
            }
          >
            <Trash2 size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {rows.length > 0 && (
        <Text size="sm" c="dimmed">
          {startRuleHelp}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          leftSection={<Plus size={16} aria-hidden />}
          disabled={rows.length >= billingCycles.length}
          onClick={() =>
            change((draft) => ({
              ...draft,
              startDateRules: [...draft.startDateRules, newStartRule()],
            }))
          }
          aria-label="Add Rule for Charge Start Date"
        >
          Add Rule
        </Button>
      </Group>
    </Section>
  );
}

function CustomNamesSection() {
  const names = useConfiguration((state) => state.draft.customChargeTypeNames);
  const errors = useConfiguration((state) => state.errors);
  const change = useConfiguration((state) => state.change);
  return (
    <Section
      id="custom-charge-type-names"
      title="Custom Charge Type Names"
      description="The name sent to ConnectWise for each Platform charge type. Empty means the Platform name."
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">Platform charge type</Table.Th>
            <Table.Th>Name sent to ConnectWise</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chargeTypes.map((type) => (
            <Table.Tr key={type}>
              <Table.Td>{type}</Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Name sent to ConnectWise for ${type}`}
                  placeholder={type}
                  value={names[type]}
                  error={errors[`customChargeTypeNames.${type}`]}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    change((draft) => ({
                      ...draft,
                      customChargeTypeNames: { ...draft.customChargeTypeNames, [type]: value },
                    }));
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function AutoSyncSection() {
  const autoSync = useConfiguration((state) => state.draft.autoSync);
  const change = useConfiguration((state) => state.change);
  return (
    <Section id="automated-daily-sync" title="Automated Daily Invoice Line Sync">
      <Switch
        label="Automated Daily Invoice Line Sync"
        description="When on, fully mapped invoice lines are posted to ConnectWise every day at 00:00 UTC; lines that are not fully mapped are skipped and stay on the Invoices tab for review. Turn it off while you remap or change the configuration."
        checked={autoSync}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          change((draft) => ({ ...draft, autoSync: checked }));
        }}
      />
      <NextAutomaticSync />
    </Section>
  );
}

/** A custom field choice that is saved but no longer listed still shows by its saved name. */
function fieldOptions(
  fields: ReadonlyArray<{ id: number; caption: string }>,
  saved: { id: number; caption: string } | null,
  fallback: { value: string; label: string },
) {
  const options = [fallback, ...fields.map((f) => ({ value: String(f.id), label: f.caption }))];
  if (saved && !fields.some((f) => f.id === saved.id)) {
    options.push({ value: String(saved.id), label: saved.caption });
  }
  return options;
}

function PostingOptionsSection() {
  const draft = useConfiguration((state) => state.draft);
  const saved = useConfiguration((state) => state.saved);
  const markerFields = useConfiguration((state) => state.markerFields);
  const errors = useConfiguration((state) => state.errors);
  const change = useConfiguration((state) => state.change);
  const loadMarkerFields = useConfiguration((state) => state.loadMarkerFields);
  const savedAdditionField =
    saved?.additionMarkerField.kind === 'customField' ? saved.additionMarkerField.field : null;
  return (
    <Section id="posting-options" title="Posting options">
      <Stack gap="md">
        <Group align="flex-end" gap="xs">
          <Select
            label="Marker field"
            description="Where each Addition carries the marker that identifies its Platform line, so a line is never posted twice. Serial Number always works; a custom field is checked against ConnectWise when you save."
            data={fieldOptions(markerFields.addition, savedAdditionField, {
              value: 'serialNumber',
              label: 'Serial Number',
            })}
            value={
              draft.additionMarkerFieldId === null
                ? 'serialNumber'
                : String(draft.additionMarkerFieldId)
            }
            onChange={(value) =>
              change((d) => ({
                ...d,
                additionMarkerFieldId: !value || value === 'serialNumber' ? null : Number(value),
              }))
            }
            error={errors.additionMarkerFieldId}
            allowDeselect={false}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Refresh the custom fields"
            loading={markerFields.status === 'loading'}
            onClick={() => void loadMarkerFields()}
          >
            <RefreshCw size={16} aria-hidden />
          </ActionIcon>
        </Group>
        <Select
          label="Agreement marker field"
          description="Where an Agreement this app creates carries its marker. Without a custom field, the marker is the first line of the Agreement's internal notes."
          data={fieldOptions(markerFields.agreement, saved?.agreementMarkerField ?? null, {
            value: 'internalNotes',
            label: 'Internal notes (first line)',
          })}
          value={
            draft.agreementMarkerFieldId === null
              ? 'internalNotes'
              : String(draft.agreementMarkerFieldId)
          }
          onChange={(value) =>
            change((d) => ({
              ...d,
              agreementMarkerFieldId: !value || value === 'internalNotes' ? null : Number(value),
            }))
          }
          error={errors.agreementMarkerFieldId}
          allowDeselect={false}
        />
        {markerFields.error && (
          <Text size="sm" c="red">
            The custom fields could not be read: {markerFields.error}
          </Text>
        )}
        <Radio.Group
          label="Recurring changes"
          description="How a change to a recurring Addition (quantity, price, dates) is written."
          value={draft.recurringChanges}
          onChange={(value) =>
            change((d) => ({
              ...d,
              recurringChanges: value === 'keepHistory' ? 'keepHistory' : 'update',
            }))
          }
        >
          <Group mt={6}>
            <Radio value="update" label="Update in place" />
            <Radio value="keepHistory" label="Keep history" />
          </Group>
        </Radio.Group>
      </Stack>
    </Section>
  );
}

import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { CompanyChoice } from '@shared/contract';
import { Search } from 'lucide-react';
import { useEffect } from 'react';
import { percent } from '../MappingStatusBadge';
import { useCompanyPicker } from './companyPickerStore';
import { useOrganizationActions } from './organizationStores';

export function companyLabel(company: CompanyChoice): string {
  return [company.identifier, company.city, company.hiddenBecause].filter(Boolean).join(' · ');
}

/** Chooses the Companies an Organization maps to: one or several. */
export function CompanyPicker() {
  const editing = useOrganizationActions((state) => state.editing);
  const showAll = useOrganizationActions((state) => state.showAllCompanies);
  const setShowAll = useOrganizationActions((state) => state.setShowAllCompanies);
  const busy = useOrganizationActions((state) => state.busy);
  const notice = useOrganizationActions((state) => state.notice);
  const edit = useOrganizationActions((state) => state.edit);
  const map = useOrganizationActions((state) => state.map);
  const { search, results, chosen, error, open, setSearch, toggle } = useCompanyPicker();

  useEffect(() => {
    if (!editing) return;
    open(editing.companies);
    void useCompanyPicker
      .getState()
      .setSearch('', useOrganizationActions.getState().showAllCompanies);
  }, [editing, open]);

  return (
    <Modal
      opened={editing !== null}
      onClose={() => edit(null)}
      title={editing ? `Map ${editing.organizationName}` : ''}
      size="lg"
    >
      {editing && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Choose the ConnectWise Companies this Platform Organization ({editing.organizationId})
            is billed as. An Organization may map to several Companies.
          </Text>
          <Group gap="xs" aria-label="Chosen Companies" role="list">
            {chosen.length === 0 && (
              <Text size="sm" c="dimmed">
                No Company chosen: saving unmaps the Organization.
              </Text>
            )}
            {chosen.map((company) => (
              <Badge
                key={company.id}
                role="listitem"
                variant="light"
                tt="none"
                color={company.hiddenBecause ? 'red' : 'blue'}
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={`Remove ${company.name}`}
                    onClick={() => toggle(company)}
                  />
                }
              >
                {company.name}
              </Badge>
            ))}
          </Group>
          {editing.suggestions.length > 0 && (
            <Stack gap={6} role="group" aria-label="Suggested companies">
              <Text size="sm" fw={600}>
                Suggested
              </Text>
              {editing.suggestions.map(({ company, confidence, reason }) => (
                <Checkbox
                  key={company.id}
                  label={`${company.name} (${percent(confidence)})`}
                  description={[reason, companyLabel(company)].filter(Boolean).join(' · ')}
                  checked={chosen.some((c) => c.id === company.id)}
                  onChange={() => toggle(company)}
                />
              ))}
            </Stack>
          )}
          <Group align="flex-end">
            <TextInput
              label="Search ConnectWise companies"
              placeholder="Name, identifier or city"
              leftSection={<Search size={16} aria-hidden />}
              value={search}
              onChange={(event) => void setSearch(event.currentTarget.value, showAll)}
              style={{ flex: 1 }}
              data-autofocus
            />
            <Switch
              label="Show all companies"
              description="Deleted, Prospects, Not Approved"
              checked={showAll}
              onChange={(event) => {
                setShowAll(event.currentTarget.checked);
                void setSearch(search, event.currentTarget.checked);
              }}
            />
          </Group>
          {error && <Alert color="red">{error}</Alert>}
          <ScrollArea h={300} type="auto">
            <Stack gap={6} role="group" aria-label="Matching companies">
              {results.length === 0 && (
                <Text size="sm" c="dimmed">
                  No Company matches. Sync Organizations if a Company was added in ConnectWise.
                </Text>
              )}
              {results.map((company) => (
                <Checkbox
                  key={company.id}
                  label={company.name}
                  description={companyLabel(company)}
                  checked={chosen.some((c) => c.id === company.id)}
                  onChange={() => toggle(company)}
                />
              ))}
            </Stack>
          </ScrollArea>
          {notice?.error && (
            <Alert color="red" role="alert">
              {notice.text}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => edit(null)}>
              Cancel
            </Button>
            <Button
              loading={busy}
              onClick={() =>
                void map(
                  editing.organizationId,
                  chosen.map((c) => c.id),
                )
              }
            >
              Save mapping
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

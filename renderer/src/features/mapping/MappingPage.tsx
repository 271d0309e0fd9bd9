import { Stack, Tabs, Title } from '@mantine/core';
import { type MappingTab, MappingTab as MappingTabSchema } from '../../../../shared/contract';
import { AgreementTypeNotice } from '../../app/AgreementTypeNotice';
import { useAppStatus } from '../../app/appStatusStore';
import { useNavigation } from '../../app/navigationStore';
import { InvoicesTab } from './invoices';

const tabs: ReadonlyArray<{ value: MappingTab; label: string }> = [
  { value: 'organizations', label: 'Organizations' },
  { value: 'products', label: 'Products' },
  { value: 'invoices', label: 'Invoices' },
];

export function MappingPage({ tab }: { tab: MappingTab }) {
  const access = useAppStatus((state) => state.status?.access.mapping);
  const go = useNavigation((state) => state.go);
  return (
    <Stack gap="md">
      {access === 'setup-required' && <AgreementTypeNotice withLink />}
      <Title order={1}>Mapping</Title>
      <Tabs
        value={tab}
        onChange={(value) => {
          const parsed = MappingTabSchema.safeParse(value);
          if (parsed.success) go({ screen: 'mapping', tab: parsed.data });
        }}
      >
        <Tabs.List>
          {tabs.map(({ value, label }) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {value === 'invoices' && tab === 'invoices' ? (
              <InvoicesTab canLoad={access === 'enabled'} />
            ) : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

import { Stack, Tabs, Text, Title } from '@mantine/core';
import { type SettingsTab, SettingsTab as SettingsTabSchema } from '../../../../shared/contract';
import { AgreementTypeNotice } from '../../app/AgreementTypeNotice';
import { useAppStatus } from '../../app/appStatusStore';
import { useNavigation } from '../../app/navigationStore';
import { AuthenticationTab } from './authentication';
import { ConfigurationTab } from './configuration';
import { DictionaryTab } from './dictionary';

const tabs: ReadonlyArray<{ value: SettingsTab; label: string }> = [
  { value: 'authentication', label: 'Authentication' },
  { value: 'configuration', label: 'Configuration' },
  { value: 'dictionary', label: 'Dictionary' },
];

export function SettingsPage({ tab }: { tab: SettingsTab }) {
  const agreementTypeSaved = useAppStatus((state) => state.status?.agreementTypeSaved ?? false);
  const go = useNavigation((state) => state.go);
  return (
    <Stack gap="md">
      {!agreementTypeSaved && <AgreementTypeNotice />}
      <header>
        <Title order={1}>Settings</Title>
        <Text c="dimmed">Configure your ConnectWise integration credentials and preferences.</Text>
      </header>
      <Tabs
        value={tab}
        onChange={(value) => {
          const parsed = SettingsTabSchema.safeParse(value);
          if (parsed.success) go({ screen: 'settings', tab: parsed.data });
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
            {value === tab ? <TabBody tab={value} /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function TabBody({ tab }: { tab: SettingsTab }) {
  switch (tab) {
    case 'authentication':
      return <AuthenticationTab />;
    case 'configuration':
      return <ConfigurationTab />;
    case 'dictionary':
      return <DictionaryTab />;
  }
}

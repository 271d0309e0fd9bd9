import { Text, Title } from '@mantine/core';
import { AgreementTypeNotice } from '@renderer/app/AgreementTypeNotice';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { useNavigation } from '@renderer/app/navigationStore';
import { TabbedPage } from '@renderer/app/TabbedPage';
import type { SettingsTab } from '@shared/contract';
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
    <TabbedPage
      header={
        <>
          {!agreementTypeSaved && <AgreementTypeNotice />}
          <header>
            <Title order={1}>Settings</Title>
            <Text c="dimmed">
              Configure your ConnectWise integration credentials and preferences.
            </Text>
          </header>
        </>
      }
      tabs={tabs}
      tab={tab}
      onTabChange={(next) => go({ screen: 'settings', tab: next })}
    >
      <TabBody tab={tab} />
    </TabbedPage>
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

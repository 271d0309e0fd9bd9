import { Title } from '@mantine/core';
import { AgreementTypeNotice } from '@renderer/app/AgreementTypeNotice';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { useNavigation } from '@renderer/app/navigationStore';
import { TabbedPage } from '@renderer/app/TabbedPage';
import type { MappingTab } from '@shared/contract';
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
    <TabbedPage
      header={
        <>
          {access === 'setup-required' && <AgreementTypeNotice withLink />}
          <Title order={1}>Mapping</Title>
        </>
      }
      tabs={tabs}
      tab={tab}
      onTabChange={(next) => go({ screen: 'mapping', tab: next })}
    >
      {tab === 'invoices' ? <InvoicesTab canLoad={access === 'enabled'} /> : null}
    </TabbedPage>
  );
}

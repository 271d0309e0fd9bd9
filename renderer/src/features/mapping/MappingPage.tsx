import { Group, Title } from '@mantine/core';
import { AgreementTypeNotice } from '@renderer/app/AgreementTypeNotice';
import { useAppStatus } from '@renderer/app/appStatusStore';
import { useNavigation } from '@renderer/app/navigationStore';
import { TabbedPage } from '@renderer/app/TabbedPage';
import type { MappingTab } from '@shared/contract';
import { BestPractices } from './BestPractices';
import { InvoicesTab } from './invoices';
import { MappingSiteNotice } from './MappingSiteNotice';
import { OrganizationsTab, useOrganizationGrid } from './organizations';
import { ProductsTab, useOfferGrid } from './products';

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
          <Group justify="space-between">
            <Title order={1}>Mapping</Title>
            <BestPractices />
          </Group>
          <MappingSiteNotice
            onDecided={() => {
              useOrganizationGrid.getState().reload();
              useOfferGrid.getState().reload();
            }}
          />
        </>
      }
      tabs={tabs}
      tab={tab}
      onTabChange={(next) => go({ screen: 'mapping', tab: next })}
    >
      {tab === 'organizations' && <OrganizationsTab canEdit={access === 'enabled'} />}
      {tab === 'products' && <ProductsTab canEdit={access === 'enabled'} />}
      {tab === 'invoices' && (
        <InvoicesTab canLoad={access === 'enabled'} canSync={access === 'enabled'} />
      )}
    </TabbedPage>
  );
}

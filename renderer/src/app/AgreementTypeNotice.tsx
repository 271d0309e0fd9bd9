import { Alert, Anchor } from '@mantine/core';
import { TriangleAlert } from 'lucide-react';
import { useNavigation } from './navigationStore';

export const agreementTypeNoticeText =
  'To complete the integration setup, please navigate to the Configuration tab and select an Agreement Type. Dashboard, mapping, and synchronization features will remain unavailable until this step is completed.';

/** The yellow notice of docs/product.md §1, shown while no Agreement Type is saved. */
export function AgreementTypeNotice({ withLink = false }: { withLink?: boolean }) {
  const go = useNavigation((state) => state.go);
  return (
    <Alert color="yellow" variant="light" icon={<TriangleAlert size={18} aria-hidden />}>
      {agreementTypeNoticeText}
      {withLink && (
        <>
          {' '}
          <Anchor
            component="button"
            type="button"
            onClick={() => go({ screen: 'settings', tab: 'configuration' })}
          >
            Open Configuration
          </Anchor>
        </>
      )}
    </Alert>
  );
}

import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { percent } from '../MappingStatusBadge';
import { useOfferActions } from './offerStores';

/** "Click to select": the active ConnectWise catalog items, searchable; Bundles disabled. */
export function CatalogPicker() {
  const { editing, search, results, busy, notice, edit, searchCatalog, map } = useOfferActions();
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    setChosen(editing?.product ? String(editing.product.id) : null);
  }, [editing]);

  return (
    <Modal
      opened={editing !== null}
      onClose={() => edit(null)}
      title={editing ? `Map ${editing.offerName}` : ''}
      size="lg"
    >
      {editing && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Choose the ConnectWise catalog item lines of this Offer ({editing.offerId}) are posted
            as.
          </Text>
          {editing.suggestions.length > 0 && (
            <Radio.Group value={chosen} onChange={setChosen} label="Suggested">
              <Stack gap={6} mt={4}>
                {editing.suggestions.map(({ product, confidence, reason }) => (
                  <Radio
                    key={product.id}
                    value={String(product.id)}
                    label={`${product.identifier}${product.description ? ` — ${product.description}` : ''} (${percent(confidence)})`}
                    description={reason}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <TextInput
            label="Search the ConnectWise catalog"
            placeholder="Identifier, description or vendor SKU"
            leftSection={<Search size={16} aria-hidden />}
            value={search}
            onChange={(event) => void searchCatalog(event.currentTarget.value)}
            data-autofocus
          />
          <ScrollArea h={300} type="auto">
            <Radio.Group value={chosen} onChange={setChosen} aria-label="Catalog items">
              <Stack gap={6}>
                {results.length === 0 && (
                  <Text size="sm" c="dimmed">
                    No active catalog item matches. Load Products again if one was added in
                    ConnectWise.
                  </Text>
                )}
                {results.map((item) => (
                  <Radio
                    key={item.id}
                    value={String(item.id)}
                    disabled={item.disabledBecause !== null}
                    label={`${item.identifier}${item.description ? ` — ${item.description}` : ''}`}
                    description={[item.productClass, item.disabledBecause]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </ScrollArea>
          {notice?.error && (
            <Alert color="red" role="alert">
              {notice.text}
            </Alert>
          )}
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              disabled={!editing.product}
              onClick={() => void map(editing.offerId, null)}
            >
              Unmap
            </Button>
            <Group>
              <Button variant="default" onClick={() => edit(null)}>
                Cancel
              </Button>
              <Button
                loading={busy}
                disabled={chosen === null}
                onClick={() => chosen && void map(editing.offerId, Number(chosen))}
              >
                Save mapping
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

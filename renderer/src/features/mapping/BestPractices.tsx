import { Button, List, Modal, Text, ThemeIcon } from '@mantine/core';
import { Lightbulb } from 'lucide-react';
import { useState } from 'react';

/** docs/product.md §4: the six tips, each with its advice. */
const tips: ReadonlyArray<[title: string, advice: string]> = [
  [
    'Map organizations and products first',
    'Lines can only be posted once their Organization and Offer are mapped.',
  ],
  ['Load Products incrementally', 'Load 1–3 months of Offers at a time rather than a whole year.'],
  [
    'Keep organizations current',
    'Run "Sync Organizations" after adding or renaming Companies in ConnectWise.',
  ],
  [
    'Check for Response Errors',
    'Look at the System Logs after a run and retry lines that failed for temporary reasons.',
  ],
  [
    'Post invoices after month-end',
    'Post a month once it is complete, so every line of the month is there.',
  ],
  ['Manage Automated Sync', 'Pause the daily sync while you remap or change the configuration.'],
];

export function BestPractices() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={
          <ThemeIcon color="yellow" variant="transparent" size="sm">
            <Lightbulb size={18} aria-hidden fill="var(--mantine-color-yellow-4)" />
          </ThemeIcon>
        }
        onClick={() => setOpen(true)}
      >
        Best Practices
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Best Practices" size="lg">
        <List spacing="md">
          {tips.map(([title, advice]) => (
            <List.Item key={title}>
              <Text fw={600}>{title}</Text>
              <Text size="sm">{advice}</Text>
            </List.Item>
          ))}
        </List>
      </Modal>
    </>
  );
}

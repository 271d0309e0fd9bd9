import { Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';

interface TabbedPageProps<Tab extends string> {
  /** Above the tabs: notices and the page header. */
  header: ReactNode;
  tabs: ReadonlyArray<{ value: Tab; label: string }>;
  tab: Tab;
  onTabChange(tab: Tab): void;
  /** The body of the open tab; the others are not rendered. */
  children: ReactNode;
}

/** A screen with a header and tabs (Mapping, Settings): only the open tab is rendered. */
export function TabbedPage<Tab extends string>({
  header,
  tabs,
  tab,
  onTabChange,
  children,
}: TabbedPageProps<Tab>) {
  return (
    <Stack gap="md">
      {header}
      <Tabs
        value={tab}
        onChange={(value) => {
          const chosen = tabs.find((t) => t.value === value);
          if (chosen) onTabChange(chosen.value);
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
            {value === tab ? children : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

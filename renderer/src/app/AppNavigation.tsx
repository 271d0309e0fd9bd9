import { Button, Stack } from '@mantine/core';
import type { AppStatus, Screen } from '@shared/contract';
import { LayoutDashboard, type LucideIcon, Network, ScrollText, Settings } from 'lucide-react';
import classes from './AppNavigation.module.css';
import { defaultPlace, isScreenOpen, useNavigation } from './navigationStore';

const items: ReadonlyArray<{ screen: Screen; label: string; icon: LucideIcon }> = [
  { screen: 'dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { screen: 'mapping', label: 'Mapping', icon: Network },
  { screen: 'logs', label: 'System Logs', icon: ScrollText },
  { screen: 'settings', label: 'Settings', icon: Settings },
];

/** The left navigation of docs/product.md §1, in its order, with the core's gating applied. */
export function AppNavigation({ status }: { status: AppStatus }) {
  const place = useNavigation((state) => state.place);
  const go = useNavigation((state) => state.go);
  return (
    <nav aria-label="Main">
      <Stack gap={4}>
        {items.map(({ screen, label, icon: Icon }) => {
          const active = place?.screen === screen;
          return (
            <Button
              key={screen}
              variant={active ? 'light' : 'subtle'}
              color={active ? undefined : 'gray'}
              justify="flex-start"
              fullWidth
              className={classes.item}
              leftSection={<Icon size={18} aria-hidden />}
              disabled={!isScreenOpen(screen, status)}
              aria-current={active ? 'page' : undefined}
              onClick={() => go(defaultPlace(screen))}
            >
              {label}
            </Button>
          );
        })}
      </Stack>
    </nav>
  );
}

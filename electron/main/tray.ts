import { join } from 'node:path';
import type { ScheduleStatus } from '@shared/contract';
import { nextRunText } from '@shared/nextRunText';
import { app, Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';

export type TrayState = 'idle' | 'syncing' | 'error';

/** The argument "Start at login" registers, so a login start stays in the tray. */
export const startHiddenFlag = '--hidden';

export interface TrayActions {
  open(): void;
  quit(): void;
  syncNow(): void;
  pause(): void;
  resume(): void;
}

/** The schedule as the tray shows it (the core's `schedule.status`). */
export interface TraySchedule {
  state: ScheduleStatus['state'];
  nextRunAt: string | null;
  running: boolean;
}

/** The tray menu of docs/product.md §1.3. */
export function trayMenuTemplate(
  actions: TrayActions,
  startAtLogin: { enabled: boolean; toggle(next: boolean): void },
  schedule: TraySchedule,
): MenuItemConstructorOptions[] {
  const paused = schedule.state === 'paused';
  return [
    { label: 'Open', click: () => actions.open() },
    {
      label: schedule.running ? 'Syncing…' : 'Sync now',
      enabled: !schedule.running && schedule.state !== 'not-ready',
      click: () => actions.syncNow(),
    },
    { label: nextRunText(schedule), enabled: false },
    paused
      ? { label: 'Resume automatic sync', click: () => actions.resume() }
      : {
          label: 'Pause automatic sync',
          enabled: schedule.state === 'scheduled',
          click: () => actions.pause(),
        },
    { type: 'separator' },
    {
      label: 'Start at login',
      type: 'checkbox',
      checked: startAtLogin.enabled,
      click: (item) => startAtLogin.toggle(item.checked),
    },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

export function createAppTray(
  resourcesDir: string,
  actions: TrayActions,
  schedule: () => TraySchedule,
) {
  const icon = (state: TrayState) =>
    nativeImage
      .createFromPath(join(resourcesDir, `tray-${state}.png`))
      .resize({ width: 16, height: 16 });
  const tray = new Tray(icon('idle'));
  tray.setToolTip('ConnectWise Billing Sync');

  const rebuild = () => {
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(
          actions,
          {
            enabled: app.getLoginItemSettings().openAtLogin,
            toggle: (next) => {
              app.setLoginItemSettings({ openAtLogin: next, args: [startHiddenFlag] });
              rebuild();
            },
          },
          schedule(),
        ),
      ),
    );
  };
  rebuild();
  tray.on('click', () => actions.open());

  return {
    /** Shows the schedule as it is now (after an action, a run, or once a minute). */
    rebuild,
    setState(state: TrayState, tooltip?: string) {
      tray.setImage(icon(state));
      tray.setToolTip(
        tooltip ? `ConnectWise Billing Sync: ${tooltip}` : 'ConnectWise Billing Sync',
      );
    },
    destroy: () => tray.destroy(),
  };
}

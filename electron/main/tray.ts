import { join } from 'node:path';
import type { ScheduleStatus } from '@shared/contract';
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

/** "Next automatic sync: 01:00 (00:00 UTC)", in the workstation's own time. */
export function nextRunLabel(schedule: TraySchedule, timeZone?: string): string {
  switch (schedule.state) {
    case 'off':
      return 'Automatic sync is off';
    case 'paused':
      return 'Automatic sync is paused';
    case 'not-ready':
      return 'Automatic sync: finish the set-up first';
    case 'scheduled': {
      if (!schedule.nextRunAt) return 'Next automatic sync: not scheduled';
      const local = new Date(schedule.nextRunAt).toLocaleString(undefined, {
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
      });
      return `Next automatic sync: ${local} (00:00 UTC)`;
    }
  }
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
    { label: nextRunLabel(schedule), enabled: false },
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

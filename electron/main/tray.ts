import { join } from 'node:path';
import { app, Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';

export type TrayState = 'idle' | 'syncing' | 'error';

export interface TrayActions {
  open(): void;
  quit(): void;
}

/**
 * The tray menu of docs/product.md §1. "Sync now", the next-run line and "Pause automatic sync"
 * stay disabled until the scheduler exists: a tray item that pretends to work is worse than one
 * that says it cannot yet.
 */
export function trayMenuTemplate(
  actions: TrayActions,
  startAtLogin: { enabled: boolean; toggle(next: boolean): void },
): MenuItemConstructorOptions[] {
  return [
    { label: 'Open', click: () => actions.open() },
    { label: 'Sync now', enabled: false },
    { label: 'Next automatic sync: not scheduled', enabled: false },
    { label: 'Pause automatic sync', enabled: false },
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

export function createAppTray(resourcesDir: string, actions: TrayActions) {
  const icon = (state: TrayState) =>
    nativeImage
      .createFromPath(join(resourcesDir, `tray-${state}.png`))
      .resize({ width: 16, height: 16 });
  const tray = new Tray(icon('idle'));
  tray.setToolTip('ConnectWise Billing Sync');

  const rebuild = () => {
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(actions, {
          enabled: app.getLoginItemSettings().openAtLogin,
          toggle: (next) => {
            app.setLoginItemSettings({ openAtLogin: next });
            rebuild();
          },
        }),
      ),
    );
  };
  rebuild();
  tray.on('click', () => actions.open());

  return {
    setState(state: TrayState) {
      tray.setImage(icon(state));
    },
    destroy: () => tray.destroy(),
  };
}

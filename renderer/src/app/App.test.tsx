import { MantineProvider } from '@mantine/core';
import { installBridge, type Transport } from '@renderer/bridge';
import type { AppStatus, BridgeResult } from '@shared/contract';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { agreementTypeNoticeText } from './AgreementTypeNotice';
import { App } from './App';
import { useAppStatus } from './appStatusStore';
import { useNavigation } from './navigationStore';

const firstRun: AppStatus = {
  connectwiseConnection: 'none',
  siteUrl: null,
  apiVersion: null,
  agreementTypeSaved: false,
  access: { dashboard: false, mapping: 'disabled', logs: false },
  landing: { screen: 'settings', tab: 'authentication' },
};
const ready: AppStatus = {
  connectwiseConnection: 'saved',
  siteUrl: 'https://na.myconnectwise.net',
  apiVersion: 'v2025.1.12345',
  agreementTypeSaved: true,
  access: { dashboard: true, mapping: 'enabled', logs: true },
  landing: { screen: 'dashboard' },
};
const awaitingAgreementType: AppStatus = {
  ...ready,
  agreementTypeSaved: false,
  access: { dashboard: false, mapping: 'setup-required', logs: true },
  landing: { screen: 'settings', tab: 'configuration' },
};

function fakeTransport(status: AppStatus) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: Transport = {
    invoke: async (channel): Promise<BridgeResult> => {
      if (channel === 'app.status') return { ok: true, value: status };
      if (channel === 'connectwiseConnection.current') return { ok: true, value: null };
      return {
        ok: false,
        error: { kind: 'Unknown Channel', message: `no ${channel} in this test` },
      };
    },
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return { transport, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

async function renderApp(status: AppStatus) {
  const { transport, emit } = fakeTransport(status);
  installBridge(transport);
  render(
    <MantineProvider>
      <App />
    </MantineProvider>,
  );
  await screen.findByRole('navigation', { name: 'Main' });
  return { emit };
}

function navButtons() {
  return within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('button');
}

beforeEach(() => {
  useAppStatus.setState({ status: null, loadError: null });
  useNavigation.setState({ place: null });
});

describe('app shell', () => {
  it('lists Dashboard, Mapping, System Logs, Settings in that order', async () => {
    await renderApp(firstRun);
    expect(navButtons().map((button) => button.textContent)).toEqual([
      'Dashboard',
      'Mapping',
      'System Logs',
      'Settings',
    ]);
  });

  it('on first run opens Settings › Authentication with everything else disabled', async () => {
    await renderApp(firstRun);
    const [dashboard, mapping, logs, settings] = navButtons();
    expect(dashboard).toBeDisabled();
    expect(mapping).toBeDisabled();
    expect(logs).toBeDisabled();
    expect(settings).toBeEnabled();
    expect(settings).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Authentication' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByText(agreementTypeNoticeText)).toBeInTheDocument();
  });

  it('opens on the Dashboard once credentials and an Agreement Type are saved, without the banner', async () => {
    await renderApp(ready);
    expect(screen.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    for (const button of navButtons()) expect(button).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
    expect(screen.queryByText(agreementTypeNoticeText)).not.toBeInTheDocument();
  });

  it('shows Mapping with the notice and a link to Configuration while no Agreement Type is saved', async () => {
    await renderApp(awaitingAgreementType);
    expect(screen.getByRole('tab', { name: 'Configuration' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Dashboard' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Mapping' }));
    expect(screen.getByRole('tab', { name: 'Organizations' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByText(agreementTypeNoticeText)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open Configuration' }));
    expect(screen.getByRole('tab', { name: 'Configuration' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('follows status changes from the core and leaves a screen that closed', async () => {
    const { emit } = await renderApp(ready);
    expect(screen.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    act(() => emit('app.statusChanged', firstRun));
    expect(screen.getByRole('button', { name: 'Dashboard' })).toBeDisabled();
    expect(screen.getByRole('heading', { name: 'Settings', level: 1 })).toBeInTheDocument();
  });
});

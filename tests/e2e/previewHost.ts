import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import { minimalConfiguration } from '../support/configurationInput';

export interface PreviewHost {
  /** The URL the host printed, token included. */
  url: string;
  origin: string;
  userData: string;
  keychainService: string;
  output(): string;
}

/** Starts the built preview host (`dist/host/index.mjs`) as `npm run preview` would, on a free port. */
export async function startPreviewHost(
  env: NodeJS.ProcessEnv = process.env,
): Promise<PreviewHost & { stop(): Promise<void> }> {
  const userData = mkdtempSync(join(tmpdir(), 'cwbs-e2e-'));
  const keychainService = `cw-billing-sync-e2e-${randomUUID()}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'dist/host/index.mjs',
      '--port',
      '0',
      '--user-data',
      userData,
      '--keychain-service',
      keychainService,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`preview host did not start:\n${output}`)),
      15_000,
    );
    const check = () => {
      const match = /Preview ready: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`preview host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    userData,
    keychainService,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Calls the preview bridge as the app's page does, to set up state a spec is not about. */
export async function invoke(
  host: PreviewHost,
  channel: string,
  input?: unknown,
): Promise<unknown> {
  const token = new URL(host.url).hash.replace('#token=', '');
  const response = await fetch(`${host.origin}/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.origin, 'x-bridge-token': token },
    body: JSON.stringify({ channel, input }),
  });
  const result = (await response.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.value;
}

/** What a spec about something else needs first: the ConnectWise connection and an Agreement Type. */
export async function connectAndConfigure(
  host: PreviewHost,
  simulator: ConnectWiseSimulator,
): Promise<void> {
  await invoke(host, 'connectwiseConnection.save', {
    siteUrl: simulator.siteUrl,
    ...simulator.credentials,
  });
  await invoke(host, 'configuration.save', minimalConfiguration(simulator));
}

/**
 * What a spec about posting needs after `connectAndConfigure`: the Platform connected, the
 * Organizations synced, a month and the Products of its Offers loaded.
 */
export async function connectPlatformAndLoad(
  host: PreviewHost,
  platform: PlatformSimulator,
  period: string,
): Promise<void> {
  await invoke(host, 'platformConnection.save', {
    baseUrl: platform.baseUrl,
    token: platform.token,
  });
  await invoke(host, 'mapping.syncOrganizations');
  await invoke(host, 'platformData.load', { periods: [period], source: { kind: 'platform' } });
  await invoke(host, 'mapping.loadProducts', { months: 1 });
}

/** Maps an Organization to one Company and each of its Offers to a Product. */
export async function mapOrganizationAndOffers(
  host: PreviewHost,
  organizationId: string,
  companyId: number,
  offers: Iterable<string>,
  productOf: (offerId: string) => number,
): Promise<void> {
  await invoke(host, 'mapping.mapOrganization', { organizationId, companyIds: [companyId] });
  for (const offerId of new Set(offers)) {
    await invoke(host, 'mapping.mapOffer', { offerId, catalogItemId: productOf(offerId) });
  }
}

/** This month's lines whose charge stays within one month: no charge-date rule holds them back. */
export function linesWithinOneMonth(platform: PlatformSimulator, period: string) {
  return platform.data.invoiceLines.filter(
    (line) =>
      line.invoiceDate.startsWith(period) &&
      line.chargeStart.slice(0, 7) === line.chargeEnd.slice(0, 7),
  );
}

/** Active Companies a new Agreement can be made for (they have a default contact). */
export function companiesForAgreements(simulator: ConnectWiseSimulator) {
  return simulator.data.companies.filter(
    (c) => !c.deletedFlag && c.status.name === 'Active' && c.defaultContact !== null,
  );
}

export const test = base.extend<{
  preview: PreviewHost;
  simulator: ConnectWiseSimulator;
  platform: PlatformSimulator;
}>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
  preview: async ({}, use) => {
    const host = await startPreviewHost();
    await use(host);
    await host.stop();
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
  simulator: async ({}, use) => {
    const simulator = await startConnectWiseSimulator({ seed: 11, companies: 300 });
    await use(simulator);
    await simulator.close();
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object.
  platform: async ({}, use) => {
    const platform = await startPlatformSimulator({ seed: 11, organizations: 60 });
    await use(platform);
    await platform.close();
  },
});

export { expect } from '@playwright/test';

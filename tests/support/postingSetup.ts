import type { BridgeResult, CompanyChoice } from '@shared/contract';
import { type Core, createCore, type PowerEvents } from '../../electron/core';
import type { ConnectWiseSimulator } from '../../electron/sandbox/connectwise';
import type { PlatformSimulator } from '../../electron/sandbox/platform';
import { minimalConfiguration } from './configurationInput';
import { type FakeClock, fakePorts, memorySettingsFile } from './fakePorts';

/** A channel's value, or the error it answered, thrown. */
export async function value<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const result: BridgeResult = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

export interface PreparedCoreOptions {
  databasePath: string;
  period: string;
  clock: FakeClock;
  /** Suspend and resume; a machine that never sleeps by default. */
  power?: PowerEvents;
  /** Pages the app opened in the browser are pushed here. */
  opened?: string[];
}

/** A core set up as a user would: connected, configured, organizations synced, a month loaded. */
export async function preparedCore(
  connectwise: ConnectWiseSimulator,
  platform: PlatformSimulator,
  options: PreparedCoreOptions,
): Promise<Core> {
  const core = createCore(
    fakePorts({
      databasePath: options.databasePath,
      settingsFile: memorySettingsFile(),
      clock: options.clock,
      ...(options.power ? { power: options.power } : {}),
      sleep: async () => {},
      openExternal: async (url) => {
        options.opened?.push(url);
      },
    }),
  );
  await value(core, 'connectwiseConnection.save', {
    siteUrl: connectwise.siteUrl,
    ...connectwise.credentials,
  });
  await value(core, 'configuration.save', minimalConfiguration(connectwise));
  await value(core, 'platformConnection.save', {
    baseUrl: platform.baseUrl,
    token: platform.token,
  });
  await value(core, 'mapping.syncOrganizations');
  await value(core, 'platformData.load', {
    periods: [options.period],
    source: { kind: 'platform' },
  });
  await value(core, 'mapping.loadProducts', { months: 1 });
  return core;
}

/** Companies a new Agreement can be made for (they have a default contact). */
export async function usableCompanies(
  core: Core,
  connectwise: ConnectWiseSimulator,
): Promise<CompanyChoice[]> {
  return (
    await value<CompanyChoice[]>(core, 'mapping.companies', {
      search: '',
      showAll: false,
      limit: 200,
    })
  ).filter((company) =>
    connectwise.data.companies.some((c) => c.id === company.id && c.defaultContact !== null),
  );
}

/** Maps every Organization to a Company of its own, and every Offer of the month to one product. */
export async function mapEverything(
  core: Core,
  connectwise: ConnectWiseSimulator,
  platform: PlatformSimulator,
  period: string,
): Promise<void> {
  const companies = await usableCompanies(core, connectwise);
  for (const [index, organization] of platform.data.organizations.entries()) {
    const company = companies[index];
    if (!company) throw new Error('not enough Companies');
    await value(core, 'mapping.mapOrganization', {
      organizationId: organization.id,
      companyIds: [company.id],
    });
  }
  const product = connectwise.data.catalog.find(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  const offers = new Set(
    platform.data.invoiceLines
      .filter((l) => l.invoiceDate.startsWith(period))
      .map((l) => l.offerId),
  );
  for (const offerId of offers) {
    await value(core, 'mapping.mapOffer', { offerId, catalogItemId: product?.id });
  }
}

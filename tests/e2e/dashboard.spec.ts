import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { rulesForMonthlyPosting } from '../support/configurationInput';
import { expectAccessible } from './accessibility';
import {
  companiesForAgreements,
  connectAndConfigure,
  connectPlatformAndLoad,
  expect,
  invoke,
  linesWithinOneMonth,
  mapOrganizationAndOffers,
  test,
} from './previewHost';

test('after a sync with one failing line, the Dashboard and System Logs say what happened and why', async ({
  page,
  preview,
  simulator,
  platform,
}, testInfo) => {
  const current = new Date().toISOString().slice(0, 7);
  const oneMonth = linesWithinOneMonth(platform, current);
  // An Organization with lines of at least two Offers this month, one Offer on a single line:
  // that Offer's Product goes inactive in ConnectWise after mapping, so exactly that line fails.
  const monthLinesOf = (organizationId: string) =>
    platform.data.invoiceLines.filter(
      (line) => line.organizationId === organizationId && line.invoiceDate.startsWith(current),
    );
  const singleLineOffer = (organizationId: string) => {
    const lines = monthLinesOf(organizationId);
    return lines.find(
      (line) =>
        oneMonth.includes(line) && lines.filter((l) => l.offerId === line.offerId).length === 1,
    )?.offerId;
  };
  const organization = platform.data.organizations.find(
    (o) =>
      new Set(monthLinesOf(o.id).map((line) => line.offerId)).size >= 2 &&
      singleLineOffer(o.id) !== undefined,
  );
  if (!organization) throw new Error('seed has no organization with a single-line offer');
  const lines = monthLinesOf(organization.id);
  const failingOffer = singleLineOffer(organization.id);
  const company = companiesForAgreements(simulator)[0];
  const [product, doomed] = simulator.data.catalog.filter(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  const agreementType = simulator.data.agreementTypes.find(
    (type) => !type.inactiveFlag && !type.prorateFlag && type.billingCycle?.name === 'Monthly',
  );
  if (!failingOffer || !company || !product || !doomed || !agreementType) {
    throw new Error('seed too small');
  }

  await connectAndConfigure(preview, simulator);
  await invoke(preview, 'configuration.save', {
    agreementTypeId: agreementType.id,
    customChargeTypeNames: {},
    autoSync: false,
    ...rulesForMonthlyPosting,
  });
  await connectPlatformAndLoad(preview, platform, current);
  await mapOrganizationAndOffers(
    preview,
    organization.id,
    company.id,
    lines.map((line) => line.offerId),
    (offerId) => (offerId === failingOffer ? doomed.id : product.id),
  );
  // Someone deactivates the Product in ConnectWise after it was mapped.
  doomed.inactiveFlag = true;
  await invoke(preview, 'posting.run', { period: current, confirmCancellations: false });

  // Dashboard: both tiles, the month's counts, the chart and the run.
  await page.goto(preview.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Dashboard' }).click();
  const psaTile = page.getByRole('region', { name: 'Last Sync to PSA' });
  await expect(psaTile).toContainText(/(just now|\d+m ago) \(UTC[+-]\d\d:\d\d .+\)/);
  await expect(page.getByRole('region', { name: 'Last Sync to Platform' })).toContainText(
    /(just now|\d+m ago) \(UTC/,
  );
  const glance = page.getByRole('group', { name: 'Lines by status' });
  await expect(glance.getByRole('button', { name: 'Failed: 1 line' })).toBeVisible();
  await expect(glance.getByRole('button', { name: /^Synced: [1-9]\d* lines?$/ })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Amount posted per day in [A-Z]{3}: / }),
  ).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  const runs = page.getByRole('table', { name: 'Last runs' });
  await expect(runs.getByRole('row').nth(1)).toContainText('Completed with failures');
  await expect(runs.getByRole('row').nth(1)).toContainText(current);
  await expectAccessible(page, 'the Dashboard');
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  // A count leads to its lines.
  await glance.getByRole('button', { name: 'Failed: 1 line' }).click();
  await expect(page.getByRole('combobox', { name: 'Filter by status' })).toHaveValue('Failed');
  await expect(page.getByRole('table', { name: 'Invoice lines' }).getByRole('row')).toHaveCount(2);

  // System Logs: the error tile in red, the Error filter, the entry with name, remedy, request.
  await nav.getByRole('button', { name: 'System Logs' }).click();
  const errorsTile = page.getByRole('region', { name: 'Errors (30d)' });
  await expect(errorsTile).toContainText(/[1-9]/);
  await expect(errorsTile.getByText(/^\d+$/)).toHaveCSS('color', 'rgb(215, 47, 47)');
  const logs = page.getByRole('table', { name: 'System Logs' });
  await page.getByLabel('Level').getByText('Error', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Error' })).toBeChecked();
  await expectAccessible(page, 'System Logs');
  await expect(logs.getByRole('row').nth(1)).toContainText('ERROR');
  for (const row of await logs.getByRole('row').all()) {
    if (await row.getByRole('cell').count()) await expect(row).toContainText('ERROR');
  }
  await logs
    .getByRole('button', { name: 'Open the entry: Line not posted: Validation Error' })
    .click();
  const entry = page.getByRole('dialog', { name: 'Line not posted: Validation Error' });
  await expect(entry.getByRole('heading', { name: 'Validation Error', exact: true })).toBeVisible();
  await expect(entry).toContainText('Remedy: Correct the mapping');
  await expect(entry).toContainText(/POST \S*\/finance\/agreements\/\d+\/additions/);
  await expect(entry).toContainText('HTTP 400');
  await expectAccessible(page, 'a System Logs entry');
  await expect(entry.getByLabel('Request body')).toContainText(`"id": ${doomed.id}`);
  await expect(entry).not.toContainText(simulator.credentials.privateKey);
  await expect(entry).not.toContainText(/Authorization|Basic [A-Za-z0-9+/=]{20,}/);
  await page.screenshot({ path: testInfo.outputPath('system-logs-entry.png'), fullPage: true });
  // The entry leads to its line.
  await entry.getByRole('button', { name: 'Show the line' }).click();
  await expect(page.getByRole('tab', { name: 'Invoices' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const invoiceRows = page.getByRole('table', { name: 'Invoice lines' }).getByRole('row');
  await expect(invoiceRows).toHaveCount(2);
  await expect(invoiceRows.nth(1)).toContainText('Failed');
  await nav.getByRole('button', { name: 'System Logs' }).click();
  await expect(page.getByRole('radio', { name: 'Error' })).toBeChecked();

  // No key of any kind was ever written to the database.
  const db = new DatabaseSync(join(preview.userData, 'data.sqlite'), { readOnly: true });
  try {
    const stored = JSON.stringify(db.prepare('SELECT * FROM system_log').all());
    expect(stored).not.toContain(simulator.credentials.privateKey);
  } finally {
    db.close();
  }

  // Export the filtered entries.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^system-logs-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toContain('Timestamp (UTC),Level,Title,Details,Error,Request,Status');
  expect(csv).toMatch(/,ERROR,Line not posted: Validation Error,.*,Validation Error,POST /);
  expect(csv).not.toContain(',INFO,');
  await page.screenshot({ path: testInfo.outputPath('system-logs.png'), fullPage: true });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expectAccessible } from './accessibility';
import { expect, invoke, test } from './previewHost';

const fixtures = join(import.meta.dirname, '../fixtures/platform-export');

test('a user connects the Platform, loads two months of invoice lines, browses them, and sees a bad file refused', async ({
  page,
  preview,
  simulator,
  platform,
}, testInfo) => {
  // Credentials and configuration have their own specs; here they are only the way in.
  await invoke(preview, 'connectwiseConnection.save', {
    siteUrl: simulator.siteUrl,
    ...simulator.credentials,
  });
  const agreementType = simulator.data.agreementTypes.find((type) => !type.inactiveFlag);
  await invoke(preview, 'configuration.save', {
    agreementTypeId: agreementType?.id,
    endDateRules: [{ chargeType: 'Cycle Fee', rule: 'Last day of invoice month' }],
    startDateRules: [],
    customChargeTypeNames: {},
    autoSync: false,
  });

  await page.goto(preview.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  const card = page.getByRole('region', { name: 'Platform Connection' });
  await card.getByLabel('Platform API URL').fill(platform.baseUrl);
  await card.getByLabel('Platform API Token').fill('wrong-token');
  await card.getByRole('button', { name: 'Test Platform Connection' }).click();
  await expect(
    card.getByRole('alert').filter({ hasText: 'Test is not successful.' }),
  ).toContainText('rejected the API token');
  await card.getByLabel('Platform API Token').fill(platform.token);
  await card.getByRole('button', { name: 'Test Platform Connection' }).click();
  await expect(card.getByRole('alert').filter({ hasText: 'Test is successful.' })).toBeVisible();
  await card.getByRole('button', { name: 'Save Platform Connection' }).click();
  await expect(
    card.getByRole('alert').filter({ hasText: 'Platform connection saved.' }),
  ).toBeVisible();
  // The token is in the OS keychain (checked with secret-tool, not the app), and not in the page.
  const stored = execFileSync(
    'secret-tool',
    ['lookup', 'service', preview.keychainService, 'account', `platform@${platform.baseUrl}`],
    { encoding: 'utf8' },
  );
  expect(stored).toBe(platform.token);
  await page.reload();
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(card.getByLabel('Platform API Token')).toHaveValue('');
  await expect(card.getByLabel('Platform API URL')).toHaveValue(platform.baseUrl);
  expect(await page.content()).not.toContain(platform.token);

  await nav.getByRole('button', { name: 'Mapping' }).click();
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await expect(page.getByText('No invoice lines are loaded yet.')).toBeVisible();

  // Load the current and the previous month from the Platform.
  await page.getByRole('button', { name: 'Load Invoices' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load Invoice Lines' });
  await expect(dialog.getByText('Select which periods to load invoice lines for.')).toBeVisible();
  await expectAccessible(page, 'the Load Invoice Lines dialog');
  await expect(dialog.getByLabel(/Current Month/)).toBeChecked();
  await dialog.getByLabel(/Previous Month/).check();
  await expect(dialog.getByLabel('Platform connection')).toBeChecked();
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(dialog.getByText('Invoice lines loaded.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();

  const now = new Date();
  const current = now.toISOString().slice(0, 7);
  const currentLines = platform.data.invoiceLines.filter((line) =>
    line.invoiceDate.startsWith(current),
  );
  const showInvoices = page
    .getByRole('textbox', { name: 'Show invoices' })
    .or(page.getByRole('combobox', { name: 'Show invoices' }));
  await expect(showInvoices).toHaveValue(new RegExp(`\\(${currentLines.length} lines\\)`));
  const grid = page.getByRole('table', { name: 'Invoice lines' });
  await expect(grid.getByRole('columnheader', { name: 'Select all loaded rows' })).toBeVisible();
  await expectAccessible(page, 'Mapping › Invoices');
  await expect(grid.getByRole('columnheader')).toHaveText([
    '', // the checkboxes that choose what "Sync to PSA" posts
    'Edit',
    'Invoice',
    'Organization',
    'PSA Organization Name',
    'Contract ID',
    'PSA Agreement Name',
    'Subscription',
    'Offer',
    'PSA Product Name',
    'Charge Type',
    'Billing Cycle',
    'Quantity',
    'Unit Price',
    'Unit Cost',
    'Currency',
    'Charge Start Date',
    'Charge End Date',
    'Status',
  ]);
  await expect(page.getByText(`${currentLines.length} lines`, { exact: true })).toBeVisible();
  const firstRow = grid.getByRole('row').nth(1);
  // After the selection checkbox and the Edit button: the invoice.
  await expect(firstRow.getByRole('cell').nth(2)).toContainText(/INV-/);
  await expect(firstRow).toContainText('Not Mapped');

  // Sorting and filtering happen in the store.
  await grid.getByRole('button', { name: 'Unit Price' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Unit Price' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.getByRole('combobox', { name: 'Filter by charge type' }).click();
  await page.getByRole('option', { name: 'Usage Fee', exact: true }).click();
  const usage = currentLines.filter((line) => line.chargeType === 'Usage Fee').length;
  await expect(
    page.getByText(`${usage} ${usage === 1 ? 'line' : 'lines'}`, { exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('invoices-loaded.png') });

  // Loading the same months again does not duplicate lines.
  await page.getByRole('button', { name: 'Load Invoices' }).click();
  await dialog.getByLabel(/Previous Month/).check();
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(dialog.getByText('Invoice lines loaded.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(showInvoices).toHaveValue(new RegExp(`\\(${currentLines.length} lines\\)`));

  // A file with errors is refused whole, with every problem listed.
  await page.getByRole('button', { name: 'Load Invoices' }).click();
  await dialog.getByLabel('Export file (CSV, XLSX or JSON)').check();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Export file' }).click();
  await (await chooser).setFiles(join(fixtures, 'broken-bad-date.csv'));
  await expect(dialog.getByText(/broken-bad-date\.csv, \d+ bytes/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(dialog.getByText('The file was not loaded: nothing was changed.')).toBeVisible();
  const problems = dialog.getByRole('table', { name: 'Problems in the file' });
  await expect(problems.getByRole('row').nth(1)).toContainText('charge_start_date');
  await page.screenshot({ path: testInfo.outputPath('invoices-file-refused.png') });
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(showInvoices).toHaveValue(new RegExp(`\\(${currentLines.length} lines\\)`));
});

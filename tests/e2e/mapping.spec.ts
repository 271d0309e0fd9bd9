import { expectAccessible } from './accessibility';
import { connectAndConfigure, expect, invoke, test } from './previewHost';

test('a user syncs organizations, maps them and their products, and sees the lines turn Ready', async ({
  page,
  preview,
  simulator,
  platform,
}, testInfo) => {
  const current = new Date().toISOString().slice(0, 7);
  const lines = platform.data.invoiceLines.filter((line) => line.invoiceDate.startsWith(current));
  const linesOf = (organizationId: string) =>
    lines.filter((l) => l.organizationId === organizationId);
  // Organizations with lines this month: A is suggested by name, B maps to two Companies, C is
  // an internal account to exclude.
  const withLines = platform.data.organizations.filter((o) => linesOf(o.id).length >= 2);
  const [a, b, c] = withLines;
  if (!a || !b || !c) throw new Error('the Platform seed has too few organizations with lines');
  const offer = linesOf(a.id)[0];
  if (!offer) throw new Error('no line');
  const offerLines = linesOf(a.id).filter((l) => l.offerId === offer.offerId);

  // ConnectWise knows A by the same name, as real sites know many of their customers.
  const active = simulator.data.companies.filter(
    (company) =>
      !company.deletedFlag &&
      company.status.name === 'Active' &&
      !company.types.some((type) => type.name === 'Prospect'),
  );
  const [named, first, second] = active;
  if (!named || !first || !second) throw new Error('the ConnectWise seed is too small');
  named.name = a.name;
  first.name = 'Zephyr Alpha Logistics';
  second.name = 'Zephyr Beta Logistics';

  // Credentials, configuration, Platform connection and a month of lines have their own specs.
  await connectAndConfigure(preview, simulator);
  await invoke(preview, 'platformConnection.save', {
    baseUrl: platform.baseUrl,
    token: platform.token,
  });
  await invoke(preview, 'platformData.load', { periods: [current], source: { kind: 'platform' } });

  await page.goto(preview.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Mapping' }).click();
  await expect(page.getByRole('tab', { name: 'Organizations' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // Best Practices: the six tips.
  await page.getByRole('button', { name: 'Best Practices' }).click();
  const tips = page.getByRole('dialog', { name: 'Best Practices' });
  await expect(tips.getByRole('listitem')).toHaveCount(6);
  await expectAccessible(page, 'the Best Practices dialog');
  await expect(tips.getByText('Load Products incrementally')).toBeVisible();
  await page.keyboard.press('Escape');

  // Sync Organizations: Companies from ConnectWise, Organizations from the Platform.
  await expect(page.getByText('Last Sync to Platform: No sync yet')).toBeVisible();
  await page.getByRole('button', { name: 'Sync Organizations' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Synced:' })).toContainText(
    `${platform.data.organizations.length} Platform organizations`,
  );
  await expect(page.getByText('Last Sync to Platform: No sync yet')).toBeHidden();
  await expectAccessible(page, 'Mapping › Organizations');
  const grid = page.getByRole('table', { name: 'Platform organizations' });
  const search = page.getByRole('textbox', { name: 'Search organizations' });

  // A is suggested by its name; accepting maps it.
  await search.fill(a.id);
  const rowA = grid.getByRole('row').filter({ hasText: a.id });
  await expect(rowA).toContainText('Suggested');
  await expect(rowA).toContainText('same name');
  await rowA.getByRole('button', { name: `Accept ${a.name} for ${a.name}` }).click();
  await expect(rowA).toContainText('Mapped');
  await expect(rowA.getByText(a.name, { exact: true }).last()).toBeVisible();

  // B maps to two Companies, found by search in the picker.
  await search.fill(b.id);
  const rowB = grid.getByRole('row').filter({ hasText: b.id });
  await rowB.getByRole('button', { name: `Choose Companies for ${b.name}` }).click();
  const picker = page.getByRole('dialog', { name: `Map ${b.name}` });
  await picker.getByLabel('Search ConnectWise companies').fill('Zephyr');
  await picker.getByRole('checkbox', { name: 'Zephyr Alpha Logistics' }).check();
  await picker.getByRole('checkbox', { name: 'Zephyr Beta Logistics' }).check();
  await expect(picker.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'the Company picker');
  await page.screenshot({ path: testInfo.outputPath('mapping-company-picker.png') });
  await picker.getByRole('button', { name: 'Save mapping' }).click();
  await expect(picker).toBeHidden();
  await expect(rowB).toContainText('Zephyr Alpha Logistics');
  await expect(rowB).toContainText('Zephyr Beta Logistics');
  await expect(rowB).toContainText('Mapped');

  // C is an internal account: excluded with a bulk action.
  await search.fill(c.id);
  const rowC = grid.getByRole('row').filter({ hasText: c.id });
  await rowC.getByRole('checkbox', { name: `Select ${c.name}` }).check();
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulk).toContainText('1 selected');
  await bulk.getByRole('button', { name: 'Exclude' }).click();
  await expect(rowC).toContainText('Excluded');
  await search.fill('');
  await page.getByRole('combobox', { name: 'Filter by mapping status' }).click();
  await page.getByRole('option', { name: /^Mapped \(2\)/ }).click();
  await expect(page.getByText('2 organizations', { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('mapping-organizations.png'), fullPage: true });

  // Products: the Offers of 3 months and the catalog; map A's first Offer.
  await page.getByRole('tab', { name: 'Products' }).click();
  await page.getByRole('combobox', { name: 'Window' }).click();
  await page.getByRole('option', { name: '3 months' }).click();
  await page.getByRole('button', { name: 'Load Products' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toBeVisible();
  await expectAccessible(page, 'Mapping › Products');
  const offers = page.getByRole('table', { name: 'Offers' });
  await page.getByRole('textbox', { name: 'Search offers' }).fill(offer.offerId);
  const offerRow = offers.getByRole('row').filter({ hasText: offer.offerId });
  await offerRow.getByRole('button', { name: `Choose the Product for ${offer.offerName}` }).click();
  const catalogPicker = page.getByRole('dialog', { name: `Map ${offer.offerName}` });
  const catalog = catalogPicker.getByLabel('Search the ConnectWise catalog');
  await catalog.fill('Bundle');
  await expect(
    catalogPicker.getByRole('radio', { name: /Microsoft 365 Security Bundle/ }),
  ).toBeDisabled();
  await expect(
    catalogPicker.getByText(/cannot add a Bundle to an Agreement/).first(),
  ).toBeVisible();
  await catalog.fill('MSP-HELPDESK-USR');
  await catalogPicker.getByRole('radio', { name: /MSP-HELPDESK-USR/ }).check();
  await expectAccessible(page, 'the Product picker');
  await catalogPicker.getByRole('button', { name: 'Save mapping' }).click();
  await expect(catalogPicker).toBeHidden();
  await expect(offerRow).toContainText('Mapped');
  await expect(offerRow).toContainText('Managed Helpdesk');
  await page.screenshot({ path: testInfo.outputPath('mapping-products.png'), fullPage: true });

  // The Invoices grid: A's lines of that Offer are Ready, with the PSA names.
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await page.getByRole('combobox', { name: 'Filter by status' }).click();
  await page.getByRole('option', { name: 'Ready', exact: true }).click();
  const ready = offerLines.length;
  await expect(
    page.getByText(`${ready} ${ready === 1 ? 'line' : 'lines'}`, { exact: true }),
  ).toBeVisible();
  const invoiceRows = page.getByRole('table', { name: 'Invoice lines' }).getByRole('row');
  await expect(invoiceRows.nth(1)).toContainText(a.name);
  await expect(invoiceRows.nth(1)).toContainText('Managed Helpdesk');
  await expect(invoiceRows.nth(1)).toContainText('Ready');
  await page.screenshot({
    path: testInfo.outputPath('mapping-invoices-ready.png'),
    fullPage: true,
  });
});

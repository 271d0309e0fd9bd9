import { connectAndConfigure, expect, invoke, test } from './previewHost';

test('a user posts two selected lines to ConnectWise, sees them Synced, and a second sync posts nothing', async ({
  page,
  preview,
  simulator,
  platform,
}, testInfo) => {
  const current = new Date().toISOString().slice(0, 7);
  // Two lines of one Organization, of different subscriptions, each within one month: neither is
  // held back by a posting rule when no date rules are configured.
  const oneMonth = platform.data.invoiceLines.filter(
    (line) =>
      line.invoiceDate.startsWith(current) &&
      line.chargeStart.slice(0, 7) === line.chargeEnd.slice(0, 7),
  );
  const organization = platform.data.organizations.find(
    (o) =>
      new Set(oneMonth.filter((l) => l.organizationId === o.id).map((l) => l.subscriptionName))
        .size >= 2,
  );
  if (!organization) throw new Error('the Platform seed has no organization with two such lines');
  const [first, second] = oneMonth
    .filter((l) => l.organizationId === organization.id)
    .filter((l, i, all) => all.findIndex((o) => o.subscriptionName === l.subscriptionName) === i);
  if (!first || !second) throw new Error('no two lines');
  const company = simulator.data.companies.find(
    (c) => !c.deletedFlag && c.status.name === 'Active' && c.defaultContact !== null,
  );
  const product = simulator.data.catalog.find(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  if (!company || !product) throw new Error('the ConnectWise seed is too small');

  // Credentials, configuration, loading and mapping have their own specs.
  await connectAndConfigure(preview, simulator);
  await invoke(preview, 'platformConnection.save', {
    baseUrl: platform.baseUrl,
    token: platform.token,
  });
  await invoke(preview, 'mapping.syncOrganizations');
  await invoke(preview, 'platformData.load', { periods: [current], source: { kind: 'platform' } });
  await invoke(preview, 'mapping.loadProducts', { months: 1 });
  await invoke(preview, 'mapping.mapOrganization', {
    organizationId: organization.id,
    companyIds: [company.id],
  });
  for (const offerId of new Set([first.offerId, second.offerId])) {
    await invoke(preview, 'mapping.mapOffer', { offerId, catalogItemId: product.id });
  }

  await page.goto(preview.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Mapping' })
    .click();
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await page.getByRole('textbox', { name: 'Search invoice lines' }).fill(organization.name);
  const grid = page.getByRole('table', { name: 'Invoice lines' });
  const checkboxOf = (line: (typeof oneMonth)[number]) =>
    page.getByRole('checkbox', {
      name: `Select ${line.subscriptionName} on invoice ${line.invoiceId}, line ${line.lineId}`,
    });
  for (const line of [first, second]) {
    await checkboxOf(line).check();
  }

  // The preview says what will be created, and nothing is written yet.
  await page.getByRole('button', { name: 'Sync to PSA (2 selected)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync to PSA' });
  await expect(dialog.getByRole('region', { name: 'Additions to create' })).toContainText(
    first.subscriptionName,
  );
  await expect(dialog.getByRole('heading', { name: 'Additions to create (2)' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Agreements to create (1)' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('posting-preview.png') });
  expect(simulator.data.additions.filter((a) => a.serialNumber?.startsWith('PLT:'))).toEqual([]);

  await dialog.getByRole('button', { name: 'Post to ConnectWise' }).click();
  await expect(dialog.getByRole('status')).toContainText('2 posted');
  await page.screenshot({ path: testInfo.outputPath('posting-summary.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // ConnectWise holds exactly the two Additions, with the lines' values, on a new Agreement.
  const posted = simulator.data.additions.filter((a) => a.serialNumber?.startsWith('PLT:'));
  expect(posted).toHaveLength(2);
  for (const line of [first, second]) {
    const addition = posted.find((a) => a.invoiceDescription?.startsWith(line.subscriptionName));
    expect(addition).toMatchObject({
      quantity: Number(line.quantity),
      unitPrice: Number(line.unitPrice),
      effectiveDate: `${line.chargeStart}T00:00:00Z`,
    });
    const row = grid.getByRole('row').filter({ has: checkboxOf(line) });
    await expect(row).toContainText('Synced');
    await expect(row.getByRole('button', { name: `Addition ${addition?.id}` })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('posting-synced.png'), fullPage: true });

  // Syncing the same lines again posts nothing.
  for (const line of [first, second]) {
    await checkboxOf(line).check();
  }
  await page.getByRole('button', { name: 'Sync to PSA (2 selected)' }).click();
  await expect(dialog.getByText('Nothing to post')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Post to ConnectWise' })).toBeDisabled();
  expect(simulator.data.additions.filter((a) => a.serialNumber?.startsWith('PLT:'))).toHaveLength(
    2,
  );
});

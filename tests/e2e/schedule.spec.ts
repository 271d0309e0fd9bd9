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

test('turning on the daily sync shows the next run; Sync now posts and shows what it did', async ({
  page,
  preview,
  simulator,
  platform,
}, testInfo) => {
  const current = new Date().toISOString().slice(0, 7);
  // One Organization's lines, each within one month, mapped: "Sync now" has something to post.
  const oneMonth = linesWithinOneMonth(platform, current);
  const organization = platform.data.organizations.find((o) =>
    oneMonth.some((line) => line.organizationId === o.id),
  );
  const company = companiesForAgreements(simulator)[0];
  const product = simulator.data.catalog.find(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  const agreementType = simulator.data.agreementTypes.find(
    (type) => !type.inactiveFlag && !type.prorateFlag && type.billingCycle?.name === 'Monthly',
  );
  if (!organization || !company || !product || !agreementType) throw new Error('seed too small');

  // Credentials, loading and mapping have their own specs.
  await connectAndConfigure(preview, simulator);
  await connectPlatformAndLoad(preview, platform, current);
  const offersOf = (organizationId: string) =>
    oneMonth.filter((l) => l.organizationId === organizationId).map((l) => l.offerId);
  await mapOrganizationAndOffers(
    preview,
    organization.id,
    company.id,
    offersOf(organization.id),
    () => product.id,
  );

  await page.goto(preview.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const panel = page.getByRole('region', { name: 'Automated Daily Invoice Line Sync' });
  await expect(panel).toContainText('Automatic sync is off');

  // Settings › Configuration: the toggle, saved, shows when the next run is.
  await nav.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await page.getByRole('combobox', { name: 'Agreement Type' }).click();
  await page.getByRole('option', { name: agreementType.name }).click();
  await page.getByRole('switch', { name: 'Automated Daily Invoice Line Sync' }).check();
  await page.getByRole('button', { name: 'Save Configuration' }).click();
  await expect(page.getByText('Configuration saved.')).toBeVisible();
  const nextRun = /Next automatic sync: .+ \(00:00 UTC\)/;
  await expect(page.getByText(nextRun)).toBeVisible();

  // The Dashboard says the same, and "Sync now" runs the daily sync at once.
  await nav.getByRole('button', { name: 'Dashboard' }).click();
  await expect(panel.getByText(nextRun)).toBeVisible();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  const finished = panel.getByRole('status').filter({ hasText: 'Sync now finished' });
  await expect(finished).toContainText(/[1-9]\d* posted, 0 updated, 0 failed/);
  await expect(panel).toContainText('Last run:');
  await page.screenshot({ path: testInfo.outputPath('schedule-dashboard.png'), fullPage: true });
  expect(
    simulator.data.additions.filter((addition) => addition.serialNumber?.startsWith('PLT:')).length,
  ).toBeGreaterThan(0);

  // A run started elsewhere (the tray's "Sync now") ends with a notice here; its failed lines
  // are one click away.
  const another = platform.data.organizations.find(
    (o) => o.id !== organization.id && oneMonth.some((line) => line.organizationId === o.id),
  );
  const otherCompany = companiesForAgreements(simulator).find((c) => c.id !== company.id);
  if (!another || !otherCompany) throw new Error('seed too small');
  await mapOrganizationAndOffers(
    preview,
    another.id,
    otherCompany.id,
    offersOf(another.id),
    () => product.id,
  );
  simulator.faults.script({
    method: 'POST',
    path: /\/additions$/,
    times: 1000,
    fault: { status: 503 },
  });
  await invoke(preview, 'schedule.syncNow');
  simulator.faults.clear();
  const notice = page.getByRole('alert').filter({ hasText: 'Sync now finished' });
  await expect(notice).toContainText(/0 posted, 0 updated, [1-9]\d* failed/);
  await notice.getByRole('button', { name: 'Show failed lines' }).click();
  await expect(page.getByRole('tab', { name: 'Invoices' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('combobox', { name: 'Filter by status' })).toHaveValue('Failed');
  await expect(
    page.getByRole('table', { name: 'Invoice lines' }).getByRole('row').nth(1),
  ).toContainText('Failed');
  await page.screenshot({ path: testInfo.outputPath('schedule-failed-lines.png') });
  await nav.getByRole('button', { name: 'Dashboard' }).click();

  // Paused, it says so; resumed, the next run is back.
  await panel.getByRole('button', { name: 'Pause automatic sync' }).click();
  await expect(panel).toContainText('Automatic sync is paused');
  await panel.getByRole('button', { name: 'Resume automatic sync' }).click();
  await expect(panel.getByText(nextRun)).toBeVisible();
});

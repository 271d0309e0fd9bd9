import type { Page } from '@playwright/test';
import { minimalConfiguration } from '../support/configurationInput';
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

const plt = <T extends { serialNumber: string | null }>(additions: T[]) =>
  additions.filter((a) => a.serialNumber?.startsWith('PLT:'));

test('a new user edits a line, bulk-excludes two, posts the month with Sync to PSA, and a second sync posts nothing', async ({
  page,
  preview,
  simulator,
  platform,
}, testInfo) => {
  const current = new Date().toISOString().slice(0, 7);
  // Four lines of one Organization, of different subscriptions, each within one month: none is
  // held back by a posting rule when no date rules are configured.
  const oneMonth = linesWithinOneMonth(platform, current);
  type Line = (typeof oneMonth)[number];
  const distinct = (lines: Line[]) =>
    lines.filter(
      (l, i, all) => all.findIndex((o) => o.subscriptionName === l.subscriptionName) === i,
    );
  const organization = platform.data.organizations.find(
    (o) => distinct(oneMonth.filter((l) => l.organizationId === o.id)).length >= 4,
  );
  if (!organization) throw new Error('the Platform seed has no organization with four such lines');
  const [edited, posted, excludedOne, excludedTwo] = distinct(
    oneMonth.filter((l) => l.organizationId === organization.id),
  );
  if (!edited || !posted || !excludedOne || !excludedTwo) throw new Error('no four lines');
  const company = companiesForAgreements(simulator)[0];
  const product = simulator.data.catalog.find(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  // A type whose Agreements are not prorated, so a line may start mid-month.
  const agreementType = simulator.data.agreementTypes.find(
    (type) => !type.inactiveFlag && !type.prorateFlag && type.billingCycle?.name === 'Monthly',
  );
  if (!company || !product || !agreementType) throw new Error('the ConnectWise seed is too small');

  // Credentials, configuration, loading and mapping have their own specs.
  await connectAndConfigure(preview, simulator);
  await invoke(preview, 'configuration.save', {
    ...minimalConfiguration(simulator),
    agreementTypeId: agreementType.id,
  });
  await connectPlatformAndLoad(preview, platform, current);
  await mapOrganizationAndOffers(
    preview,
    organization.id,
    company.id,
    [edited, posted, excludedOne, excludedTwo].map((line) => line.offerId),
    () => product.id,
  );

  await page.goto(preview.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Mapping' })
    .click();
  await page.getByRole('tab', { name: 'Invoices' }).click();
  await page.getByRole('textbox', { name: 'Search invoice lines' }).fill(organization.name);
  const grid = page.getByRole('table', { name: 'Invoice lines' });
  const named = (line: Line) =>
    `${line.subscriptionName} on invoice ${line.invoiceId}, line ${line.lineId}`;
  const rowOf = (line: Line) =>
    grid
      .getByRole('row')
      .filter({ has: page.getByRole('checkbox', { name: `Select ${named(line)}` }) });

  // The user starts one line on its last day: the date shows "User Updated".
  await grid.getByRole('button', { name: `Edit ${named(edited)}` }).click();
  const editor = page.getByRole('dialog', { name: 'Edit invoice line' });
  await expect(editor.getByLabel('PSA Organization')).toHaveValue(company.name);
  await editor.getByLabel('Charge Start Date').fill(edited.chargeEnd);
  await expectAccessible(page, 'the Edit invoice line dialog');
  await page.screenshot({ path: testInfo.outputPath('posting-edit-line.png') });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(rowOf(edited)).toContainText(`${edited.chargeEnd}User Updated`);

  // Two lines excluded at once.
  await selectLines(page, [excludedOne, excludedTwo].map(named));
  const bulk = page.getByRole('toolbar', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 selected');
  await bulk.getByRole('button', { name: 'Bulk Update' }).click();
  const bulkUpdate = page.getByRole('dialog', { name: 'Bulk Update' });
  await expect(bulkUpdate).toBeVisible();
  await expectAccessible(page, 'the Bulk Update dialog');
  await page.keyboard.press('Escape');
  await expect(bulkUpdate).toBeHidden();
  await bulk.getByRole('button', { name: 'Exclude' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 lines updated.' })).toBeVisible();
  await expect(rowOf(excludedOne)).toContainText('Excluded');
  await expect(rowOf(excludedTwo)).toContainText('Excluded');
  await bulk.getByRole('button', { name: 'Clear selection' }).click();

  // Sync to PSA with nothing selected: every Ready line of the month, previewed first.
  await expect(page.getByText('Last Sync to PSA: No sync yet')).toBeVisible();
  await page.getByRole('button', { name: 'Sync to PSA', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sync to PSA' });
  const creates = dialog.getByRole('region', { name: 'Additions to create' });
  await expect(creates).toContainText(edited.subscriptionName);
  await expect(creates).toContainText(posted.subscriptionName);
  await expect(creates).not.toContainText(excludedOne.subscriptionName);
  await expect(dialog.getByRole('heading', { name: /^Agreements to create/ })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Lines skipped' })).toContainText('2 Excluded');
  await expectAccessible(page, 'the Sync to PSA preview');
  await page.screenshot({ path: testInfo.outputPath('posting-preview.png') });
  expect(plt(simulator.data.additions)).toEqual([]);
  const toCreate = Number(
    /\((\d+)\)/.exec(
      (await dialog.getByRole('heading', { name: /^Additions to create/ }).textContent()) ?? '',
    )?.[1],
  );

  await dialog.getByRole('button', { name: 'Post to ConnectWise' }).click();
  await expect(dialog.getByRole('status')).toContainText(`${toCreate} posted`);
  await expect(dialog.getByRole('status')).toContainText(/(^|\D)0 failed/);
  await page.screenshot({ path: testInfo.outputPath('posting-summary.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(/Last Sync to PSA: (just now|\d+m ago) \(UTC/)).toBeVisible();

  // ConnectWise holds exactly what was previewed, with the user's date; nothing of the excluded.
  const additions = plt(simulator.data.additions);
  expect(additions).toHaveLength(toCreate);
  const additionOf = (line: Line) =>
    simulator.data.additions.find((a) => a.serialNumber === `PLT:L:${line.lineId}`) ??
    additions.find((a) => a.invoiceDescription?.startsWith(line.subscriptionName));
  expect(additionOf(edited)).toMatchObject({
    effectiveDate: `${edited.chargeEnd}T00:00:00Z`,
    quantity: Number(edited.quantity),
  });
  for (const line of [excludedOne, excludedTwo]) {
    expect(additions.some((a) => a.invoiceDescription?.startsWith(line.subscriptionName))).toBe(
      false,
    );
  }
  for (const line of [edited, posted]) {
    const addition = additionOf(line);
    await expect(rowOf(line)).toContainText('Synced');
    await expect(rowOf(line)).toContainText(
      `Sent: ${addition?.quantity} × ${addition?.unitPrice.toFixed(2)} from ${addition?.effectiveDate?.slice(0, 10)}`,
    );
    await expect(
      rowOf(line).getByRole('button', { name: `Addition ${addition?.id}` }),
    ).toBeVisible();
    await expect(grid.getByRole('button', { name: `Edit ${named(line)}` })).toHaveCount(0);
  }
  await rowOf(edited)
    .getByRole('button', { name: /^Addition / })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('posting-synced.png'), fullPage: true });

  // Syncing again posts nothing.
  await page.getByRole('button', { name: 'Sync to PSA', exact: true }).click();
  await expect(dialog.getByText('Nothing to post')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Post to ConnectWise' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('posting-nothing-to-post.png') });
  expect(plt(simulator.data.additions)).toHaveLength(toCreate);
});

async function selectLines(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
}

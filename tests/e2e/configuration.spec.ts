import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, test } from './previewHost';

const banner = 'To complete the integration setup, please navigate to the Configuration tab';

async function choose(page: Page, field: string, option: string) {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a user configures the Agreement Type and charge-date rules, with the gating lifted on save', async ({
  page,
  preview,
  simulator,
}, testInfo) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await page.goto(preview.url);
  await page.getByLabel(/^API URL/).fill(simulator.siteUrl);
  await page.getByLabel('ConnectWise Company ID').fill(simulator.credentials.companyId);
  await page.getByLabel('API Public Key').fill(simulator.credentials.publicKey);
  await page.getByLabel('API Private Key').fill(simulator.credentials.privateKey);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mapping', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Open Configuration' }).click();
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByText(banner)).toBeVisible();
  await expectAccessible(page, 'Settings › Configuration');
  await expect(nav.getByRole('button', { name: 'Dashboard' })).toBeDisabled();

  // The agreement types come from ConnectWise (the simulator): active ones only.
  const active = simulator.data.agreementTypes.filter((type) => !type.inactiveFlag);
  const inactive = simulator.data.agreementTypes.find((type) => type.inactiveFlag);
  const chosen = active[0];
  if (!chosen || !inactive) throw new Error('the seed needs active and inactive agreement types');
  await page.getByRole('combobox', { name: 'Agreement Type' }).click();
  for (const type of active)
    await expect(page.getByRole('option', { name: type.name, exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: inactive.name, exact: true })).toHaveCount(0);
  await page.getByRole('option', { name: chosen.name, exact: true }).click();

  // A charge type used in one rule is not offered in the next.
  await page.getByRole('button', { name: 'Add Rule for Charge End Date' }).click();
  await choose(page, 'Charge Type of end date rule 1', 'Cycle Fee');
  await choose(page, 'Rule of end date rule 1', 'Last day of invoice month');
  await page.getByRole('button', { name: 'Add Rule for Charge End Date' }).click();
  await page.getByRole('combobox', { name: 'Charge Type of end date rule 2' }).click();
  await expect(page.getByRole('option')).toHaveText([
    'Correction',
    'Usage Fee',
    'Item Fee',
    'Purchase Fee',
    'One Time Fee',
  ]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Add Rule for Charge Start Date' }).click();
  await choose(page, 'Billing Cycle of start date rule 1', 'Annual');
  await expect(
    page.getByText('if charge starts on Jan 15, it will be set to Feb 1.'),
  ).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Name sent to ConnectWise for Usage Fee' })
    .fill('Consumption');
  await page.getByRole('switch', { name: 'Automated Daily Invoice Line Sync' }).check();

  // Posting options: the marker goes to a custom field of the site; changes keep their history.
  const markerField = page.getByRole('combobox', { name: 'Marker field', exact: true });
  await expect(markerField).toHaveValue('Serial Number');
  await markerField.click();
  const platformLine = page.getByRole('option', { name: 'Platform Line' });
  await expect(platformLine).toBeVisible();
  await expect(page.getByRole('option', { name: 'Seats Committed' })).toHaveCount(0);
  await platformLine.click();
  await page.getByRole('radio', { name: 'Keep history' }).check();

  // Leaving with unsaved changes asks first.
  await page.getByRole('tab', { name: 'Dictionary' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await expectAccessible(page, 'the Leave without saving dialog');
  await leave.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    page.getByRole('textbox', { name: 'Name sent to ConnectWise for Usage Fee' }),
  ).toHaveValue('Consumption');

  // An unfinished rule row is named; removing it lets the save through.
  await page.getByRole('button', { name: 'Save Configuration' }).click();
  await expect(page.getByText('Choose a charge type.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove end date rule 2' }).click();
  await page.getByRole('button', { name: 'Save Configuration' }).click();
  await expect(page.getByText('Configuration saved.')).toBeVisible();
  await expect(page.getByText(banner)).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'Dashboard' })).toBeEnabled();
  await expect(nav.getByRole('button', { name: 'Mapping' })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('configuration-saved.png'), fullPage: true });

  // After a reload the app opens on the Dashboard, and the saved values come back.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'System Information' })
      .getByText('Connected', { exact: true }),
  ).toBeVisible();
  await nav.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(page.getByRole('combobox', { name: 'Agreement Type' })).toHaveValue(chosen.name);
  await expect(page.getByRole('combobox', { name: 'Charge Type of end date rule 1' })).toHaveValue(
    'Cycle Fee',
  );
  await expect(page.getByRole('combobox', { name: 'Rule of end date rule 1' })).toHaveValue(
    'Last day of invoice month',
  );
  await expect(page.getByRole('combobox', { name: 'Charge Type of end date rule 2' })).toHaveCount(
    0,
  );
  await expect(
    page.getByRole('combobox', { name: 'Billing Cycle of start date rule 1' }),
  ).toHaveValue('Annual');
  await expect(
    page.getByRole('textbox', { name: 'Name sent to ConnectWise for Usage Fee' }),
  ).toHaveValue('Consumption');
  await expect(
    page.getByRole('switch', { name: 'Automated Daily Invoice Line Sync' }),
  ).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Marker field', exact: true })).toHaveValue(
    'Platform Line',
  );
  await expect(page.getByRole('radio', { name: 'Keep history' })).toBeChecked();

  // A change left unsaved can be discarded on the way out.
  await page
    .getByRole('textbox', { name: 'Name sent to ConnectWise for Item Fee' })
    .fill('Hardware');
  await page.getByRole('tab', { name: 'Dictionary' }).click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  const dictionary = page.getByRole('table', { name: 'Dictionary' });
  await expect(
    dictionary.getByRole('row', { name: /Charge End Date Cancelled Date/ }),
  ).toBeVisible();
  await expect(dictionary.getByRole('row')).toHaveCount(9);
  await expectAccessible(page, 'Settings › Dictionary');
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(
    page.getByRole('textbox', { name: 'Name sent to ConnectWise for Item Fee' }),
  ).toHaveValue('');
});

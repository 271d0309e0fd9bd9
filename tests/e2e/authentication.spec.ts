import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { expect, test } from './previewHost';

async function fillCredentials(
  page: Page,
  values: { siteUrl: string; companyId: string; publicKey: string; privateKey: string },
) {
  await page.getByLabel(/^API URL/).fill(values.siteUrl);
  await page.getByLabel('ConnectWise Company ID').fill(values.companyId);
  await page.getByLabel('API Public Key').fill(values.publicKey);
  await page.getByLabel('API Private Key').fill(values.privateKey);
}

test('a new user tests, saves, reloads and disconnects the ConnectWise connection', async ({
  page,
  preview,
  simulator,
}, testInfo) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const right = { siteUrl: simulator.siteUrl, ...simulator.credentials };
  await page.goto(preview.url);
  await expect(page.getByRole('tab', { name: 'Authentication' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expectAccessible(page, 'Settings › Authentication');

  // The help box opens and closes.
  await page.getByRole('button', { name: 'How to obtain API credentials' }).click();
  await expect(page.getByText('System › Members › API Members')).toBeVisible();

  // Field checks happen before any network call.
  const requestsBefore = simulator.requests.length;
  await fillCredentials(page, {
    ...right,
    siteUrl: 'http://cw.example.com',
    publicKey: 'has space',
  });
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await expect(page.getByText('ConnectWise must be reached over https.')).toBeVisible();
  await expect(page.getByText('A key cannot contain spaces.')).toBeVisible();
  expect(simulator.requests.length).toBe(requestsBefore);

  // A wrong key fails the test, with the reason.
  await fillCredentials(page, { ...right, privateKey: 'wrong-private-key' });
  await page.getByRole('button', { name: 'Test Connection' }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'Test is not successful.' });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('rejected the API keys');

  // The right keys pass.
  await page.getByLabel('API Private Key').fill(right.privateKey);
  await page.getByRole('button', { name: 'Test Connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Test is successful.' })).toBeVisible();

  // Saving wrong untested values stores nothing.
  await page.getByLabel('API Private Key').fill('wrong-private-key');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('alert').filter({
      hasText: 'Connection was not established. Please validate settings information.',
    }),
  ).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Mapping' })).toBeDisabled();

  // Saving the right values lands on Mapping › Organizations.
  await page.getByLabel('API Private Key').fill(right.privateKey);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Mapping', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Organizations' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(nav.getByRole('button', { name: 'Mapping' })).toBeEnabled();
  await expect(nav.getByRole('button', { name: 'System Logs' })).toBeEnabled();
  expect(keychainHolds(preview.keychainService, `${right.companyId}@${right.siteUrl}`)).toBe(
    right.privateKey,
  );

  // After a reload the fields show the saved values and the key stays masked.
  await page.reload();
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel(/^API URL/)).toHaveValue(right.siteUrl);
  await expect(page.getByLabel('API Public Key')).toHaveValue(right.publicKey);
  await expect(page.getByLabel('API Private Key')).toHaveValue('');
  await expect(page.getByLabel('API Private Key')).toHaveAttribute('placeholder', '********');
  await page.screenshot({ path: testInfo.outputPath('authentication-saved.png'), fullPage: true });

  // Disconnect, behind a confirmation.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect the integration?' });
  await expect(dialog.getByLabel('Warning')).toBeVisible();
  await expectAccessible(page, 'the Disconnect dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Integration disconnected successfully.')).toBeVisible();
  await expect(page.getByLabel(/^API URL/)).toHaveValue('');
  await expect(page.getByLabel('API Public Key')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeHidden();
  expect(keychainHolds(preview.keychainService, `${right.companyId}@${right.siteUrl}`)).toBe('');

  await nav.getByRole('button', { name: 'Dashboard' }).click();
  const systemInformation = page.getByRole('region', { name: 'System Information' });
  await expect(systemInformation.getByText('Not Connected')).toBeVisible();

  const db = new DatabaseSync(join(preview.userData, 'data.sqlite'));
  const audit = db.prepare('SELECT actor, action, at FROM audit_log ORDER BY id').all() as Array<
    Record<string, string>
  >;
  db.close();
  expect(audit.map((entry) => entry.action)).toEqual([
    'ConnectWise credentials saved',
    'Integration disconnected',
  ]);
  expect(audit[1]?.actor).toBeTruthy();
});

function keychainHolds(service: string, account: string): string {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], {
      encoding: 'utf8',
    });
  } catch {
    return '';
  }
}

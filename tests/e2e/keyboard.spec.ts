/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { minimalConfiguration } from '../support/configurationInput';
import { expect, invoke, test } from './previewHost';

/** The focused element's name as a person hears it: its label, aria-label or text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelled = element.getAttribute('aria-label');
    const label = (element as HTMLInputElement).labels?.[0]?.textContent;
    return (labelled ?? label ?? element.textContent ?? '').replace(/\s*\*\s*$/, '').trim();
  });
}

/** Presses Tab until the control named `name` has the focus, and checks the focus is visible. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (typeof name === 'string' ? focused === name : name.test(focused)) {
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline, `the focus on "${focused}" is visible`).not.toMatch(/^none|\s0px$/);
      return;
    }
  }
  throw new Error(`"${name}" cannot be reached with the Tab key`);
}

test('a user tests and saves the ConnectWise connection with the keyboard alone', async ({
  page,
  preview,
  simulator,
  platform,
}) => {
  await page.goto(preview.url);
  await expect(page.getByRole('tab', { name: 'Authentication' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const fields: Array<[string, string]> = [
    ['API URL', simulator.siteUrl],
    ['ConnectWise Company ID', simulator.credentials.companyId],
    ['API Public Key', simulator.credentials.publicKey],
    ['API Private Key', simulator.credentials.privateKey],
  ];
  for (const [label, value] of fields) {
    await tabTo(page, label);
    await page.keyboard.type(value);
  }
  await tabTo(page, 'Test Connection');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Test is successful.' })).toBeVisible();

  // Save is the next control; Enter on it saves and opens Mapping.
  await tabTo(page, 'Save');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Mapping', level: 1 })).toBeVisible();

  // A dialog takes the focus, keeps it, and gives it back when closed by Escape.
  await tabTo(page, 'Best Practices');
  await page.keyboard.press('Enter');
  const tips = page.getByRole('dialog', { name: 'Best Practices' });
  await expect(tips).toBeVisible();
  for (let presses = 0; presses < 8; presses += 1) {
    await page.keyboard.press('Tab');
    expect(await tips.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(tips).toBeHidden();
  await expect.poll(() => focusedName(page)).toBe('Best Practices');

  // The Organizations grid: synced, then a row's action reached and used by keyboard. The
  // Agreement Type and the Platform connection have their own specs.
  await invoke(preview, 'configuration.save', minimalConfiguration(simulator));
  await invoke(preview, 'platformConnection.save', {
    baseUrl: platform.baseUrl,
    token: platform.token,
  });
  await tabTo(page, 'Sync Organizations');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Synced:' })).toBeVisible();
  await tabTo(page, /^Choose Companies for /);
  const organization = (await focusedName(page)).replace('Choose Companies for ', '');
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: `Map ${organization}` });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect.poll(() => focusedName(page)).toBe(`Choose Companies for ${organization}`);

  // System Logs: an entry opened from the grid by keyboard.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'System Logs' })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'System Logs', level: 1 })).toBeVisible();
  await tabTo(page, /^Open the entry: /);
  const title = (await focusedName(page)).replace('Open the entry: ', '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: title })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedName(page)).toBe(`Open the entry: ${title}`);
});

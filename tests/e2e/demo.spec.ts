import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility';

/**
 * `npm run demo` as a newcomer meets it: one command, one URL, no accounts. The spec starts what
 * `npm run demo` starts after its build (the build itself ran before the specs: rebuilding here
 * would pull dist/ from under the other specs).
 */
function startDemo(): Promise<{ url: string; output: () => string; stop: () => Promise<number> }> {
  const child: ChildProcess = spawn(process.execPath, ['dist/demo/index.mjs', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      const url = /Demo ready: (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        output: () => output,
        stop: () =>
          new Promise<number>((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            const late = setTimeout(() => done(-1), 15_000);
            child.once('exit', (code) => {
              clearTimeout(late);
              done(code ?? -1);
            });
            child.kill('SIGINT');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${output}`)));
  });
}

/**
 * `npm run screenshots` runs this spec with CWBS_SCREENSHOTS=docs/screenshots: the README's
 * pictures are what a newcomer sees in the demo, made again on demand, never stale.
 */
const screenshots = process.env.CWBS_SCREENSHOTS;

test('a newcomer runs the demo: connects, configures, maps, loads, posts, and sees the Additions in ConnectWise', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const shot = async (name: string) => {
    const path = testInfo.outputPath(name);
    await page.screenshot({ path });
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      copyFileSync(path, join(screenshots, name));
    }
  };
  const demo = await startDemo();
  try {
    const dataFolder = /Data folder \(deleted when the demo stops\): (\S+)/.exec(
      demo.output(),
    )?.[1];
    await page.goto(demo.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(page.getByText('Demo: ConnectWise and the Platform are simulators')).toBeVisible();
    await expectAccessible(page, 'the demo banner and Authentication');

    // Settings › Authentication: the demo's ConnectWise and Platform, filled in, tested, saved.
    await page.getByRole('button', { name: 'Use the demo ConnectWise' }).click();
    await page.getByRole('button', { name: 'Test Connection' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Test is successful.' })).toBeVisible();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Mapping', level: 1 })).toBeVisible();
    await nav.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Authentication' }).click();
    const platformCard = page.getByRole('region', { name: 'Platform Connection' });
    await platformCard.getByRole('button', { name: 'Use the demo Platform' }).click();
    await platformCard.getByRole('button', { name: 'Save Platform Connection' }).click();
    await expect(
      platformCard.getByRole('alert').filter({ hasText: 'Platform connection saved.' }),
    ).toBeVisible();
    await shot('authentication.png');

    // Settings › Configuration: an Agreement Type.
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await page.getByRole('combobox', { name: 'Agreement Type' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Save Configuration' }).click();
    await expect(page.getByText('Configuration saved.')).toBeVisible();

    // Mapping: Organizations synced and their suggestions accepted; Products likewise.
    await nav.getByRole('button', { name: 'Mapping' }).click();
    await page.getByRole('button', { name: 'Sync Organizations' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Synced:' })).toBeVisible();
    await page.getByRole('button', { name: /^Accept all with confidence/ }).click();
    await expect(page.getByText(/^[1-9]\d* suggestions? accepted\.$/)).toBeVisible();
    await shot('mapping-organizations.png');
    await page.getByRole('tab', { name: 'Products' }).click();
    await page.getByRole('button', { name: 'Load Products' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Loaded' })).toBeVisible();
    await page.getByRole('button', { name: /^Accept all with confidence/ }).click();
    await expect(page.getByText(/^[1-9]\d* suggestions? accepted\.$/)).toBeVisible();

    // Invoices: this month loaded from the Platform, then posted.
    await page.getByRole('tab', { name: 'Invoices' }).click();
    await page.getByRole('button', { name: 'Load Invoices' }).click();
    const load = page.getByRole('dialog', { name: 'Load Invoice Lines' });
    await load.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(load.getByText('Invoice lines loaded.')).toBeVisible({ timeout: 30_000 });
    await load.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Sync to PSA', exact: true }).click();
    const sync = page.getByRole('dialog', { name: 'Sync to PSA' });
    await sync.getByRole('button', { name: 'Post to ConnectWise' }).click();
    await expect(sync.getByRole('status')).toContainText(/[1-9]\d* posted/, { timeout: 60_000 });
    await sync.getByRole('button', { name: 'Done' }).click();
    await shot('invoices.png');
    await nav.getByRole('button', { name: 'Dashboard' }).click();
    await expect(page.getByRole('table', { name: 'Last runs' })).toContainText('Manual');
    await shot('dashboard.png');
    await nav.getByRole('button', { name: 'System Logs' }).click();
    await expect(page.getByRole('table', { name: 'System Logs' })).toContainText('Sync to PSA');
    await shot('system-logs.png');

    // The simulator's own page shows what reached ConnectWise.
    const pageUrl = await page
      .getByRole('link', { name: "the ConnectWise simulator's Agreements and Additions" })
      .getAttribute('href');
    await page.goto(pageUrl ?? '');
    await expect(page.getByText(/PLT:/).first()).toBeVisible();
    await shot('connectwise-simulator.png');

    // Ctrl+C stops everything and leaves nothing behind.
    expect(await demo.stop()).toBe(0);
    expect(dataFolder && existsSync(dataFolder)).toBe(false);
    expect(dataFolder).toMatch(/cw-billing-sync-demo-/);
  } finally {
    await demo.stop().catch(() => {});
  }
});

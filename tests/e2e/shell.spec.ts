import { expect, test } from './previewHost';

const bannerText =
  'To complete the integration setup, please navigate to the Configuration tab and select an Agreement Type. Dashboard, mapping, and synchronization features will remain unavailable until this step is completed.';

test.describe('app shell in the preview host', () => {
  test('a new user sees the navigation, the gating, the Settings header and the banner', async ({
    page,
    preview,
  }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    const response = await page.goto(preview.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('button')).toHaveText([
      'Dashboard',
      'Mapping',
      'System Logs',
      'Settings',
    ]);
    await expect(nav.getByRole('button', { name: 'Dashboard' })).toBeDisabled();
    await expect(nav.getByRole('button', { name: 'Mapping' })).toBeDisabled();
    await expect(nav.getByRole('button', { name: 'System Logs' })).toBeDisabled();
    await expect(nav.getByRole('button', { name: 'Settings' })).toBeEnabled();
    await expect(nav.getByRole('button', { name: 'Settings' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(
      page.getByText('Configure your ConnectWise integration credentials and preferences.'),
    ).toBeVisible();
    await expect(page.getByRole('tab')).toHaveText([
      'Authentication',
      'Configuration',
      'Dictionary',
    ]);
    await expect(page.getByRole('tab', { name: 'Authentication' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('alert')).toHaveText(bannerText);

    // The token does not stay in the address bar.
    expect(page.url()).toBe(`${preview.origin}/`);

    await page.screenshot({ path: testInfo.outputPath('settings-first-run.png'), fullPage: true });
    await testInfo.attach('settings-first-run', {
      path: testInfo.outputPath('settings-first-run.png'),
      contentType: 'image/png',
    });

    await page.getByRole('tab', { name: 'Configuration' }).click();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await nav.getByRole('button', { name: 'Dashboard' }).click({ force: true });
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('a reload keeps the session; a page without the token is told where to go', async ({
    page,
    browser,
    preview,
  }) => {
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    const stranger = await browser.newPage();
    await stranger.goto(preview.origin);
    await expect(stranger.getByText('Not connected to the app')).toBeVisible();
    await stranger.close();
  });
});

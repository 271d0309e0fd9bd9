// Renders resources/*.svg to the PNGs the shells and electron-builder use. Run after editing an
// SVG: `node scripts/render-icons.mjs` (needs Debian's chromium at /usr/bin/chromium).
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const icons = [
  ['icon', 512],
  ['tray-idle', 64],
  ['tray-syncing', 64],
  ['tray-error', 64],
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const page = await browser.newPage();
for (const [name, size] of icons) {
  const svg = await readFile(`resources/${name}.svg`, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `resources/${name}.png`, omitBackground: true });
}
await browser.close();
console.log('Rendered', icons.map(([name]) => `${name}.png`).join(', '));

/**
 * `npm run sandbox:platform [-- --port 8090 --seed 1 --organizations 300 --months 15
 *  --lines-per-organization 4 --token platform-sandbox-token]`: starts the Platform API simulator
 * and prints what to type into the app's Platform connection.
 */
import { parseArgs } from 'node:util';
import { runUntilStopped, wholeNumber } from '../commandLine';
import { startPlatformSimulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    organizations: { type: 'string', default: '300' },
    months: { type: 'string', default: '15' },
    'lines-per-organization': { type: 'string', default: '4' },
    token: { type: 'string' },
  },
});

function positiveNumber(name: string, text: string): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < 1) {
    console.error(`--${name} must be a number ≥ 1, got "${text}".`);
    process.exit(2);
  }
  return value;
}

const started = performance.now();
const simulator = await startPlatformSimulator({
  port: wholeNumber('port', values.port),
  seed: wholeNumber('seed', values.seed),
  organizations: wholeNumber('organizations', values.organizations),
  months: Math.max(1, wholeNumber('months', values.months)),
  linesPerOrganizationPerMonth: positiveNumber(
    'lines-per-organization',
    values['lines-per-organization'],
  ),
  ...(values.token === undefined ? {} : { token: values.token }),
});
const { data } = simulator;

console.log('Platform API sandbox is running.');
console.log(`  Base URL:      ${simulator.baseUrl}`);
console.log(`  API token:     ${simulator.token}`);
console.log(`  Summary page:  ${simulator.sandboxPageUrl}`);
console.log(
  `  ${data.organizations.length} organizations, ${data.invoices.length} invoices, ${data.invoiceLines.length} invoice lines (${data.invoices[0]?.invoiceDate.slice(0, 7) ?? '-'} to ${data.invoices.at(-1)?.invoiceDate.slice(0, 7) ?? '-'}), generated in ${Math.round(performance.now() - started)} ms.`,
);
runUntilStopped(simulator);

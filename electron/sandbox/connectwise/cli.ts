/**
 * `npm run sandbox [-- --port 8080 --seed 1 --companies 250 --deny "Finance › Agreements"
 * --rate-limit 1000 --no-retry-after]`: starts the ConnectWise simulator and prints what to type
 * into the app.
 */
import { parseArgs } from 'node:util';
import { runUntilStopped, wholeNumber } from '../commandLine';
import { startConnectWiseSimulator } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    companies: { type: 'string', default: '250' },
    deny: { type: 'string', multiple: true, default: [] },
    'rate-limit': { type: 'string' },
    'no-retry-after': { type: 'boolean', default: false },
  },
});
const rateLimit = values['rate-limit'];
const rateLimitPerMinute =
  rateLimit === undefined ? undefined : wholeNumber('rate-limit', rateLimit);
if (rateLimitPerMinute === 0) {
  console.error('--rate-limit must be at least 1.');
  process.exit(2);
}

const simulator = await startConnectWiseSimulator({
  port: wholeNumber('port', values.port),
  seed: wholeNumber('seed', values.seed),
  companies: wholeNumber('companies', values.companies),
  deny: values.deny,
  ...(rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute }),
  ...(values['no-retry-after'] ? { rateLimitRetryAfter: 'none' as const } : {}),
});

console.log('ConnectWise Manage sandbox is running.');
console.log(`  API URL (site):  ${simulator.siteUrl}`);
console.log(`  Company ID:      ${simulator.credentials.companyId}`);
console.log(`  Public key:      ${simulator.credentials.publicKey}`);
console.log(`  Private key:     ${simulator.credentials.privateKey}`);
console.log(`  clientId:        any GUID, sent as the clientId header`);
console.log(`  What was posted: ${simulator.sandboxPageUrl}`);
console.log(
  `  ${simulator.data.companies.length} companies, ${simulator.data.agreements.length} agreements.`,
);
if (values.deny.length > 0) console.log(`  Denied: ${values.deny.join(', ')}`);
if (rateLimitPerMinute !== undefined) {
  const retryAfter = values['no-retry-after'] ? 'without Retry-After' : 'with Retry-After';
  console.log(`  Rate limit:      ${rateLimitPerMinute} requests a minute, 429 ${retryAfter}`);
}
runUntilStopped(simulator);

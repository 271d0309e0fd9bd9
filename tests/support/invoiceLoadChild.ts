/**
 * A core in a process of its own, for the test that kills it mid-load: it saves the Platform
 * connection it is given, starts loading a month, says "staging" once lines are arriving, and
 * keeps loading until it is killed.
 *
 *   node invoiceLoadChild.mjs <databasePath> <platformBaseUrl> <token> <period>
 */
import { createCore } from '../../electron/core';
import { fakePorts, memorySecretStore } from './fakePorts';

const [databasePath, baseUrl, token, period] = process.argv.slice(2);
const core = createCore(
  fakePorts({ databasePath, secrets: memorySecretStore(), clock: { now: () => new Date() } }),
);
const saved = await core.dispatch('platformConnection.save', { baseUrl, token });
if (!saved.ok) throw new Error(JSON.stringify(saved));
core.subscribe((name, payload) => {
  if (name === 'jobs.progress' && (payload as { done: number }).done > 0) console.log('staging');
});
await core.dispatch('platformData.load', { periods: [period], source: { kind: 'platform' } });
console.log('finished');

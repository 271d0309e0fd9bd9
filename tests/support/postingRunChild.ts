/**
 * A core in a process of its own, for the test that kills "Sync to PSA" mid-run: it opens the
 * database, settings and keychain files the test prepared, runs the month, says "running" once
 * the run has begun, and "finished <summary as JSON>" when it is done.
 *
 *   node postingRunChild.mjs <databasePath> <settingsPath> <secretsPath> <period>
 */
import { createCore } from '../../electron/core';
import { fakePorts } from './fakePorts';
import { jsonSecretStore, jsonSettingsFile } from './fileBackedPorts';

const [databasePath, settingsPath, secretsPath, period] = process.argv.slice(2);
if (!databasePath || !settingsPath || !secretsPath || !period) {
  throw new Error('usage: postingRunChild <databasePath> <settingsPath> <secretsPath> <period>');
}
const core = createCore(
  fakePorts({
    databasePath,
    settingsFile: jsonSettingsFile(settingsPath),
    secrets: jsonSecretStore(secretsPath),
    clock: { now: () => new Date() },
  }),
);
let running = false;
core.subscribe((name, payload) => {
  if (
    !running &&
    name === 'jobs.progress' &&
    (payload as { kind: string }).kind === 'posting-run'
  ) {
    running = true;
    console.log('running');
  }
});
const result = await core.dispatch('posting.run', { period, confirmCancellations: false });
await core.close();
if (!result.ok) {
  console.log(`error ${JSON.stringify(result.error)}`);
  process.exit(1);
}
console.log(`finished ${JSON.stringify(result.value)}`);

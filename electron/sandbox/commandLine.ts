/**
 * What both simulators' command lines share: checking number arguments, and running until
 * Ctrl+C or SIGTERM closes the simulator.
 *
 * Shared scaffolding: process plumbing only; each CLI prints its own API's connection details.
 */
export function wholeNumber(name: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} must be a whole number, got "${text}".`);
    process.exit(2);
  }
  return Number(text);
}

export function runUntilStopped(simulator: { close(): Promise<void> }): void {
  console.log('Press Ctrl+C to stop.');
  async function shutdown() {
    await simulator.close();
    process.exit(0);
  }
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

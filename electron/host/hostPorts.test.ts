import { afterEach, describe, expect, it, vi } from 'vitest';
import { timerDriftPowerEvents } from './hostPorts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the preview host notices the machine woke up', () => {
  it('takes a timer that fired hours late for a resume, and on-time timers for nothing', () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T22:00:00Z') });
    const power = timerDriftPowerEvents(30_000, 60_000);
    const woke = vi.fn();
    const stop = power.onResume(woke);

    vi.advanceTimersByTime(10 * 60_000);
    expect(woke).not.toHaveBeenCalled();

    // Suspended: the wall clock moves on while no timer runs.
    vi.setSystemTime(new Date('2026-11-24T07:00:00Z'));
    vi.advanceTimersByTime(30_000);
    expect(woke).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(10 * 60_000);
    expect(woke).toHaveBeenCalledTimes(1);

    stop();
    vi.setSystemTime(new Date('2026-11-25T07:00:00Z'));
    vi.advanceTimersByTime(30_000);
    expect(woke).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('opening a ConnectWise page in the browser', () => {
  it('passes the URL as one argument to a program, never through a shell', async () => {
    const { browserCommand } = await import('./hostPorts');
    const url =
      'https://cw.example.com/v4_6_release/services/system_io/router/openrecord.rails?recordType=AgreementFV&recid=7&x=1|calc';
    expect(browserCommand('win32', url)).toEqual([
      'rundll32',
      ['url.dll,FileProtocolHandler', url],
    ]);
    expect(browserCommand('darwin', url)).toEqual(['open', [url]]);
    expect(browserCommand('linux', url)).toEqual(['xdg-open', [url]]);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const [command] = browserCommand(platform, url);
      expect(command).not.toMatch(/^(cmd|sh|bash|powershell)/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { lastSyncText } from './relativeTime';

const now = new Date('2026-07-15T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('the time since the last sync', () => {
  it('says "No sync yet" when there was none', () => {
    expect(lastSyncText(null, now)).toBe('No sync yet');
    expect(lastSyncText(undefined, now)).toBe('No sync yet');
  });

  it('counts minutes, then hours, then days, with the zone it is read in', () => {
    expect(lastSyncText(ago(20_000), now, 'Europe/Warsaw')).toBe(
      'just now (UTC+02:00 Europe/Warsaw)',
    );
    expect(lastSyncText(ago(7 * minute), now, 'Europe/Warsaw')).toBe(
      '7m ago (UTC+02:00 Europe/Warsaw)',
    );
    expect(lastSyncText(ago(7 * hour + 59 * minute), now, 'Europe/Warsaw')).toBe(
      '7h ago (UTC+02:00 Europe/Warsaw)',
    );
    expect(lastSyncText(ago(day + hour), now, 'America/Adak')).toBe(
      '1 day ago (UTC-09:00 America/Adak)',
    );
    expect(lastSyncText(ago(3 * day), now, 'America/Adak')).toBe(
      '3 days ago (UTC-09:00 America/Adak)',
    );
  });

  it("uses the workstation's own zone by default, whatever it is", () => {
    // The time-zone pass (npm run test:tz) runs this under Pacific/Kiritimati and America/Adak.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const text = lastSyncText(ago(5 * hour), now);
    expect(text.startsWith('5h ago (UTC')).toBe(true);
    expect(text.endsWith(` ${zone})`)).toBe(true);
    if (zone === 'Pacific/Kiritimati') expect(text).toBe('5h ago (UTC+14:00 Pacific/Kiritimati)');
    if (zone === 'America/Adak') expect(text).toBe('5h ago (UTC-09:00 America/Adak)');
  });
});

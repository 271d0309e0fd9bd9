import { channelNames } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../tests/support/fakePorts';
import { AppError } from '../errors';
import { createRouter, type Handlers } from './router';

const status = {
  connectwiseConnection: 'none',
  siteUrl: null,
  apiVersion: null,
  agreementTypeSaved: false,
  access: { dashboard: false, mapping: 'disabled', logs: false },
  landing: { screen: 'settings', tab: 'authentication' },
} as const;

const notUsed = (): never => {
  throw new Error('not used by these tests');
};

function router(overrides: Partial<Handlers> = {}, logged: string[] = []) {
  const opened: string[] = [];
  const handlers: Handlers = {
    ...(Object.fromEntries(
      channelNames.map((channel) => [channel, notUsed]),
    ) as unknown as Handlers),
    'app.status': () => status,
    'app.info': () => ({ appVersion: '1.0.0', runtime: 'preview', demo: null }),
    'externalLinks.open': ({ url }) => {
      opened.push(url);
      return { opened: true };
    },
    ...overrides,
  };
  const logger = { ...silentLogger, error: (message: string) => logged.push(message) };
  return { router: createRouter(handlers, logger), opened };
}

describe('router', () => {
  it('answers a known channel with its validated output', async () => {
    expect(await router().router.dispatch('app.status', undefined)).toEqual({
      ok: true,
      value: status,
    });
  });

  it('refuses an unknown channel by name, without calling anything', async () => {
    const result = await router().router.dispatch('connectwiseConnection.stealKey', {});
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'Unknown Channel',
        message: 'The app has no request named "connectwiseConnection.stealKey".',
      },
    });
  });

  it('refuses inherited object keys as channels', async () => {
    const result = await router().router.dispatch('__proto__', undefined);
    expect(result.ok === false && result.error.kind).toBe('Unknown Channel');
    const result2 = await router().router.dispatch('toString', undefined);
    expect(result2.ok === false && result2.error.kind).toBe('Unknown Channel');
  });

  it('refuses a malformed payload with the field at fault, and changes nothing', async () => {
    const { router: r, opened } = router();
    const result = await r.dispatch('externalLinks.open', { url: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('Validation Error');
    expect(result.error.issues?.[0]?.path).toBe('url');
    expect(result.error.message).toContain('externalLinks.open');
    expect(opened).toEqual([]);
  });

  it('refuses extra fields and input on a channel that takes none', async () => {
    const { router: r } = router();
    const extra = await r.dispatch('externalLinks.open', { url: 'https://x.test', also: 1 });
    expect(extra.ok === false && extra.error.kind).toBe('Validation Error');
    const unexpected = await r.dispatch('app.status', { please: true });
    expect(unexpected.ok === false && unexpected.error.kind).toBe('Validation Error');
  });

  it('turns an AppError into its kind and message', async () => {
    const { router: r } = router({
      'externalLinks.open': () => {
        throw new AppError('Not Allowed', 'Only pages of your ConnectWise site can be opened.');
      },
    });
    expect(await r.dispatch('externalLinks.open', { url: 'https://evil.test' })).toEqual({
      ok: false,
      error: { kind: 'Not Allowed', message: 'Only pages of your ConnectWise site can be opened.' },
    });
  });

  it('hides an unexpected error behind a generic message and logs it', async () => {
    const logged: string[] = [];
    const { router: r } = router(
      {
        'app.info': () => {
          throw new Error('database is locked at /home/user/secret/path');
        },
      },
      logged,
    );
    const result = await r.dispatch('app.info', undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'Internal Error',
        message: 'Something went wrong inside the app. The details are in the log.',
      },
    });
    expect(logged).toEqual(['Request app.info failed unexpectedly']);
  });

  it('does not let a handler send the UI an output the contract does not allow', async () => {
    const { router: r } = router({
      'app.info': () =>
        ({ appVersion: '1', runtime: 'electron', demo: null, privateKey: 'x' }) as never,
    });
    const result = await r.dispatch('app.info', undefined);
    // zod strips unknown keys from objects: the extra field never leaves the core.
    expect(result).toEqual({
      ok: true,
      value: { appVersion: '1', runtime: 'electron', demo: null },
    });
  });
});

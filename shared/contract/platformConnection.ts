/** The Platform connection (Settings › Authentication, "Platform Connection"). */
import { z } from 'zod';
import { normalizePlatformBaseUrl } from '../siteUrl';
import { checkedText, connectionSaveResult, connectionTestResult, secretText } from './connections';

/** `token` may be empty only to re-test or re-save an unchanged base URL: the saved token is used. */
export const PlatformConnectionFields = z
  .object({
    baseUrl: checkedText(z.string().max(2048, 'The URL is too long.'), (value) => {
      const result = normalizePlatformBaseUrl(value);
      return result.ok ? undefined : result.reason;
    }),
    token: secretText(4096, 'A token', 'The token is too long.'),
  })
  .strict();
export type PlatformConnectionFields = z.infer<typeof PlatformConnectionFields>;
export type PlatformConnectionField = keyof PlatformConnectionFields;

export const PlatformConnectionView = z.object({
  baseUrl: z.string(),
  platformName: z.string(),
  accountName: z.string(),
  savedAt: z.string(),
  tokenSaved: z.literal(true),
});
export type PlatformConnectionView = z.infer<typeof PlatformConnectionView>;

export const PlatformTestResult = connectionTestResult({
  platformName: z.string(),
  accountName: z.string(),
});
export type PlatformTestResult = z.infer<typeof PlatformTestResult>;

export const PlatformSaveResult = connectionSaveResult(PlatformConnectionView);
export type PlatformSaveResult = z.infer<typeof PlatformSaveResult>;

export const platformConnectionChannels = {
  'platformConnection.current': {
    input: z.undefined(),
    output: PlatformConnectionView.nullable(),
  },
  /** Calls /v1/me with the base URL and token. */
  'platformConnection.test': { input: PlatformConnectionFields, output: PlatformTestResult },
  /** Tests, then stores: the token in the OS keychain, the rest in settings. */
  'platformConnection.save': { input: PlatformConnectionFields, output: PlatformSaveResult },
  /** Forgets the Platform connection and deletes its token from the keychain. */
  'platformConnection.remove': {
    input: z.undefined(),
    output: z.object({ removed: z.literal(true) }),
  },
} as const;

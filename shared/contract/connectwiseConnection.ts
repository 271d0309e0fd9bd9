/** The ConnectWise connection (Settings › Authentication, "Connection Credentials"). */
import { z } from 'zod';
import { normalizeSiteUrl } from '../siteUrl';
import {
  checkedText,
  connectionSaveResult,
  connectionTestResult,
  requiredKeyText,
  secretText,
} from './connections';

/**
 * The four fields of "Connection Credentials", checked before any network call, in the form
 * and again in the core. `privateKey` may be empty only to re-test or re-save a connection
 * whose other fields are unchanged: the saved key is used then.
 */
export const ConnectWiseConnectionFields = z
  .object({
    siteUrl: checkedText(z.string().max(2048, 'The URL is too long.'), (value) => {
      const result = normalizeSiteUrl(value);
      return result.ok ? undefined : result.reason;
    }),
    companyId: requiredKeyText(64, 'Enter the ConnectWise Company ID.', 'The Company ID'),
    publicKey: requiredKeyText(128, 'Enter the API Public Key.', 'A key'),
    privateKey: secretText(128, 'A key'),
  })
  .strict();
export type ConnectWiseConnectionFields = z.infer<typeof ConnectWiseConnectionFields>;
export type ConnectWiseConnectionField = keyof ConnectWiseConnectionFields;

/** What the UI may know of the saved connection: everything but the private key. */
export const ConnectWiseConnectionView = z.object({
  siteUrl: z.string(),
  companyId: z.string(),
  publicKey: z.string(),
  savedAt: z.string(),
  apiVersion: z.string().nullable(),
  privateKeySaved: z.literal(true),
});
export type ConnectWiseConnectionView = z.infer<typeof ConnectWiseConnectionView>;

export const ConnectWiseTestResult = connectionTestResult({
  companyName: z.string().nullable(),
  apiVersion: z.string(),
});
export type ConnectWiseTestResult = z.infer<typeof ConnectWiseTestResult>;

export const ConnectWiseSaveResult = connectionSaveResult(ConnectWiseConnectionView);
export type ConnectWiseSaveResult = z.infer<typeof ConnectWiseSaveResult>;

export const connectwiseConnectionChannels = {
  /** The saved connection without its private key, or null. */
  'connectwiseConnection.current': {
    input: z.undefined(),
    output: ConnectWiseConnectionView.nullable(),
  },
  /** Companyinfo, /system/info and read access to companies, agreement types and the catalog. */
  'connectwiseConnection.test': {
    input: ConnectWiseConnectionFields,
    output: ConnectWiseTestResult,
  },
  /** Tests, then stores: the private key in the OS keychain, the rest in settings. */
  'connectwiseConnection.save': {
    input: ConnectWiseConnectionFields,
    output: ConnectWiseSaveResult,
  },
  /** Cancels running jobs, deletes the key from the keychain, clears the connection. */
  'connectwiseConnection.disconnect': {
    input: z.undefined(),
    output: z.object({ disconnected: z.literal(true) }),
  },
} as const;

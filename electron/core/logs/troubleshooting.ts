import type { ErrorKind, Troubleshooting } from '@shared/contract';

/**
 * docs/product.md §7.2: every error is shown under one of six names with what happened and the
 * remedy. The app's own kinds that come from the same causes are shown under the nearest one.
 */
const names = {
  'Authentication Error': {
    happened: 'ConnectWise rejected the keys or the company id.',
    remedy:
      'Check "ConnectWise Company ID" and the keys in Settings › "Authentication"; create a new key pair if they were revoked.',
  },
  'Permission Error': {
    happened: "The API member's security role lacks a permission; the message names it.",
    remedy: 'Add that permission to the role in ConnectWise, then retry.',
  },
  'Validation Error': {
    happened: 'ConnectWise refused a value; the message names the field.',
    remedy:
      'Correct the mapping, the dates or the line (or the Agreement in ConnectWise), then retry.',
  },
  'Not Found': {
    happened: 'The record was deleted in ConnectWise.',
    remedy: 'Re-sync organizations, re-map, or choose another Agreement.',
  },
  'Rate Limited': {
    happened: 'ConnectWise asked the app to slow down.',
    remedy: 'Nothing: the app waits and retries by itself; if it persists, run later.',
  },
  'Response Error': {
    happened:
      'A temporary communication failure (server error, timeout, dropped connection) or an answer the app could not read.',
    remedy: "Retried automatically; refresh later; if it persists, open the entry's detail.",
  },
} as const;

type TroubleshootingName = keyof typeof names;

const shownAs: Partial<Record<ErrorKind, TroubleshootingName>> = {
  'Authentication Error': 'Authentication Error',
  'Unknown Company': 'Authentication Error',
  'Permission Error': 'Permission Error',
  'Validation Error': 'Validation Error',
  'Not Found': 'Not Found',
  'Rate Limited': 'Rate Limited',
  'Response Error': 'Response Error',
  'Site Unreachable': 'Response Error',
};

/** The name and remedy an error kind is shown with; null for kinds that are not failures. */
export function troubleshootingFor(kind: ErrorKind): Troubleshooting | null {
  const name = shownAs[kind];
  if (name) return { name, ...names[name] };
  if (kind === 'Cancelled' || kind === 'Busy') return null;
  return {
    name: kind,
    happened: 'The app could not finish the work; the summary says why.',
    remedy: 'Follow the summary; if it persists, export the logs for support.',
  };
}

import { fileURLToPath } from 'node:url';

/**
 * Import aliases, for Vite and Vitest: the same as `paths` in tsconfig.base.json (which
 * TypeScript and esbuild read), so `@shared/contract` means one file everywhere.
 */
export const pathAliases = {
  '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
  '@renderer': fileURLToPath(new URL('./renderer/src', import.meta.url)),
};

/** ConnectWise Companies kept for mapping. */
import { z } from 'zod';

export const companiesChannels = {
  /** Pulls every ConnectWise Company into the app's store (a job: progress events, cancellable). */
  'companies.pull': { input: z.undefined(), output: z.object({ companies: z.number().int() }) },
} as const;

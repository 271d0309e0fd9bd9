/** Links out of the app. */
import { z } from 'zod';

export const externalLinksChannels = {
  /** Opens a page of the user's own ConnectWise site in the browser; anything else is refused. */
  'externalLinks.open': {
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },
  /** Opens an Agreement of the saved ConnectWise site in the browser. */
  'externalLinks.openAgreement': {
    input: z.object({ agreementId: z.number().int().positive() }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },
} as const;

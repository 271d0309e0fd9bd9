import {
  type BridgeError,
  type BridgeResult,
  type ChannelMap,
  type Contract,
  contract,
  isChannel,
} from '@shared/contract';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { Logger } from '../ports';

/** One function per channel of a capability's map: what that capability registers. */
export type HandlersFor<M extends ChannelMap> = {
  [C in keyof M]: (
    input: z.output<M[C]['input']>,
  ) => Promise<z.output<M[C]['output']>> | z.output<M[C]['output']>;
};

/** Every channel of the contract; `createCore` gathers them from the capabilities. */
export type Handlers = HandlersFor<Contract>;

export interface Router {
  /** The one entry point both transports call with whatever arrived over the wire. */
  dispatch(channel: unknown, rawInput: unknown): Promise<BridgeResult>;
}

/** How many problems of an invalid request the reply lists. */
const maxIssuesShown = 20;

export function createRouter(handlers: Handlers, logger: Logger): Router {
  return {
    async dispatch(channel, rawInput) {
      if (!isChannel(channel)) {
        const shown = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : typeof channel;
        return failure({
          kind: 'Unknown Channel',
          message: `The app has no request named ${shown}.`,
        });
      }
      const spec = contract[channel];
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) {
        // A huge bad request must not earn a huger reply: the first issues say what is wrong.
        const all = parsed.error.issues;
        const issues = all.slice(0, maxIssuesShown).map((issue) => ({
          path: issue.path.join('.').slice(0, 200) || '(input)',
          message: issue.message.slice(0, 300),
        }));
        const more = all.length > issues.length ? ` (and ${all.length - issues.length} more)` : '';
        return failure({
          kind: 'Validation Error',
          message: `The request "${channel}" was not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}${more}`,
          issues,
        });
      }
      try {
        const handler = handlers[channel] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value: spec.output.parse(value) };
      } catch (error) {
        if (error instanceof AppError) return failure(error.toBridgeError());
        logger.error(`Request ${channel} failed unexpectedly`, {
          error: error instanceof Error ? error.message : String(error),
        });
        return failure({
          kind: 'Internal Error',
          message: 'Something went wrong inside the app. The details are in the log.',
        });
      }
    },
  };
}

function failure(error: BridgeError): BridgeResult {
  return { ok: false, error };
}

import { type EventName, type EventPayload, events } from '@shared/contract';
import type { Logger } from '../ports';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Core → UI events. Payloads are checked against the contract before they leave. */
export function createEventBus(logger: Logger) {
  const listeners = new Set<EventListener>();
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
      const checked = events[name].parse(payload);
      for (const listener of listeners) {
        try {
          listener(name, checked);
        } catch (error) {
          logger.warn(`An event listener for ${name} failed`, {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
    },
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;

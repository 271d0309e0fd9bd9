import type {
  BridgeError,
  Channel,
  ChannelInput,
  ChannelOutput,
  ErrorKind,
  EventName,
  EventPayload,
} from '@shared/contract';
import type { Transport } from './transport';

/** A request the core refused or could not carry out; `message` is written for the user. */
export class BridgeCallError extends Error {
  readonly kind: ErrorKind;
  readonly detail: string | undefined;
  readonly issues: BridgeError['issues'];

  constructor(error: BridgeError) {
    super(error.message);
    this.name = 'BridgeCallError';
    this.kind = error.kind;
    this.detail = error.detail;
    this.issues = error.issues;
  }
}

type InputArgs<C extends Channel> =
  undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export interface BridgeClient {
  invoke<C extends Channel>(channel: C, ...args: InputArgs<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Uploads an export file where the transport can (the preview); null where it cannot (Electron). */
  upload: ((file: File) => Promise<{ fileId: string; name: string; size: number }>) | null;
}

/** Typed from the contract; the core validates everything again on its side. */
export function createBridgeClient(transport: Transport): BridgeClient {
  return {
    async invoke(channel, ...args) {
      const result = await transport.invoke(channel, args[0]);
      if (!result.ok) throw new BridgeCallError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return transport.on(event, (payload) => listener(payload as never));
    },
    upload: transport.upload
      ? async (file) => {
          const result = await transport.upload?.(file);
          if (!result) throw new Error('Uploads are not available.');
          if (!result.ok) throw new BridgeCallError(result.error);
          return result.value as { fileId: string; name: string; size: number };
        }
      : null,
  };
}

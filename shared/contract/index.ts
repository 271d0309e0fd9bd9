/**
 * The only list of what the UI can ask the core, and of what the core tells the UI.
 *
 * Each capability declares its own channels (a zod input and output schema each) and events in
 * a file of this folder; this index gathers them into the one typed map both processes use.
 * The core validates every input with these schemas (a bad payload gets a "Validation Error"
 * and changes nothing); the renderer's bridge client takes its types from them.
 * docs/architecture.md says where a new channel goes.
 */
import type { z } from 'zod';
import { appChannels, appEvents } from './app';
import { configurationChannels } from './configuration';
import { connectwiseConnectionChannels } from './connectwiseConnection';
import { dashboardChannels } from './dashboard';
import type { BridgeResult } from './errors';
import { exportFileChannels } from './exportFile';
import { externalLinksChannels } from './externalLinks';
import { jobsChannels, jobsEvents } from './jobs';
import { logsChannels } from './logs';
import { mappingChannels } from './mapping';
import { platformConnectionChannels } from './platformConnection';
import { platformDataChannels } from './platformData';
import { postingChannels } from './posting';
import { scheduleChannels, scheduleEvents } from './schedule';

export * from './app';
export * from './configuration';
export * from './connections';
export * from './connectwiseConnection';
export * from './dashboard';
export * from './errors';
export * from './exportFile';
export * from './externalLinks';
export * from './jobs';
export * from './logs';
export * from './mapping';
export * from './platformConnection';
export * from './platformData';
export * from './posting';
export * from './schedule';

export const contract = {
  ...appChannels,
  ...connectwiseConnectionChannels,
  ...platformConnectionChannels,
  ...configurationChannels,
  ...scheduleChannels,
  ...platformDataChannels,
  ...exportFileChannels,
  ...mappingChannels,
  ...postingChannels,
  ...jobsChannels,
  ...externalLinksChannels,
  ...dashboardChannels,
  ...logsChannels,
} as const;

export const events = {
  ...appEvents,
  ...jobsEvents,
  ...scheduleEvents,
} as const;

// ── Types derived from the contract ───────────────────────────────────────────────────────────

/** A set of channels, as each capability declares them. */
export type ChannelMap = Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What the Electron preload exposes as `window.bridge`; the renderer's IPC transport uses it. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<BridgeResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The IPC channel names the preload and the main process use to carry the contract. */
export const ipcChannels = { invoke: 'bridge:invoke', event: 'bridge:event' } as const;

import type { BridgeResult } from '@shared/contract';
import type { Transport } from './transport';

const tokenKey = 'bridge-token';
const tokenHeader = 'x-bridge-token';

/**
 * The preview host prints a URL whose fragment carries a per-run token. Keep it for this tab's
 * session and take it out of the address bar, so it is not copied along with a screenshot.
 */
export function takeBridgeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    window.sessionStorage.setItem(tokenKey, token);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return window.sessionStorage.getItem(tokenKey);
}

/** Requests are POSTs; events arrive as server-sent events read through fetch (it can send the token). */
export function createHttpTransport(token: string): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function readEvents() {
    for (;;) {
      try {
        const response = await fetch('/bridge/events', { headers: { [tokenHeader]: token } });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            dispatchMessage(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // The host restarted or the network blinked: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  function dispatchMessage(block: string) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trimStart())
      .join('\n');
    if (!data) return;
    const message = JSON.parse(data) as { name: string; payload: unknown };
    for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
  }

  return {
    async invoke(channel, input) {
      const response = await fetch('/bridge/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [tokenHeader]: token },
        body: JSON.stringify({ channel, input }),
      });
      return (await response.json()) as BridgeResult;
    },
    async upload(file) {
      const response = await fetch(`/bridge/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', [tokenHeader]: token },
        body: file,
      });
      return (await response.json()) as BridgeResult;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      if (!streaming) {
        streaming = true;
        void readEvents();
      }
      return () => set.delete(listener);
    },
  };
}

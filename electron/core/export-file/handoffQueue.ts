/**
 * Items a callback produces (papaparse's records, the reading thread's replies) handed to an
 * async generator that takes them one at a time, waiting while there are none.
 */
export function createHandoffQueue<T>() {
  const items: T[] = [];
  let wake: (() => void) | null = null;
  return {
    push(item: T): void {
      items.push(item);
      wake?.();
      wake = null;
    },
    async take(): Promise<T> {
      while (items.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return items.shift() as T;
    },
    get length(): number {
      return items.length;
    },
  };
}

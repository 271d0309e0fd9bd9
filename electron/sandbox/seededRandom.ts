/**
 * A small deterministic PRNG (mulberry32) for both simulators' data and faults: the same seed
 * always gives the same sequence. Independent streams keyed by several numbers (seed,
 * organization, month…) let one record's data never depend on how many were generated around it.
 *
 * Shared scaffolding, like the rest of the files directly in `electron/sandbox/`: plumbing only,
 * no API vocabulary. Each simulator keeps its own records, field names and error bodies, written
 * from its API document rather than from the app, so the app and a simulator cannot agree on the
 * same mistake.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[item, weight], …]`, weights ≥ 0 with a positive sum. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
  chance(probability: number): boolean;
  /** Shuffles in place and returns the same array. */
  shuffle<T>(items: T[]): T[];
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    integer,
    pick<T>(items: readonly T[]): T {
      const item = items[integer(0, items.length - 1)];
      if (item === undefined) throw new Error('Cannot pick from an empty list.');
      return item;
    },
    weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of choices) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = choices.at(-1);
      if (!last) throw new Error('Cannot pick from an empty list.');
      return last[0];
    },
    chance: (probability) => next() < probability,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = integer(0, i);
        const a = items[i] as T;
        items[i] = items[j] as T;
        items[j] = a;
      }
      return items;
    },
  };
}

/** Mixes several integers into one 32-bit seed (murmur3 finalizer per part). */
export function streamSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    hash ^= Math.imul(k, 0x1b873593);
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A random stream for one key: `randomStream(seed, organization, month)`. */
export function randomStream(...parts: number[]): SeededRandom {
  return seededRandom(streamSeed(...parts));
}

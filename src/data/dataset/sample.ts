// Seeded random samples, so a share link's seed reproduces the same digits on any machine.

/** The notebook plots 30 random training digits. */
export const DEFAULT_SAMPLE_SIZE = 30;
export const MAX_SEED = 0xffff_ffff;

/**
 * mulberry32: a tiny 32-bit PRNG with good statistical quality for sampling. The exact
 * algorithm is part of the share-link contract: changing it changes every shared sample.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The first `size` entries of a seeded random permutation of `ids`, like the notebook's
 * `np.random.permutation(n)[:30]`: a partial Fisher–Yates shuffle, touching only `size` slots
 * (a sparse map of swaps) instead of copying 70,000 ids.
 */
export function sampleIds(ids: Uint32Array, size: number, seed: number): Uint32Array {
  const n = ids.length;
  const take = Math.max(0, Math.min(size, n));
  const random = mulberry32(seed);
  const swapped = new Map<number, number>();
  const at = (i: number) => swapped.get(i) ?? i;
  const out = new Uint32Array(take);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const picked = at(j);
    swapped.set(j, at(i));
    out[i] = ids[picked]!;
  }
  return out;
}

/** A fresh seed for Reshuffle. */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

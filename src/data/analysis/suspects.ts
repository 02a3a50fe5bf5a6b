// Suspect labels: digits whose neighbours — the k nearest among all digits on the first 50
// principal components — mostly carry another label. The score is the plain one a notebook
// would compute (how many of the k neighbours carry another label); digits with the same count
// are ordered by a margin: that share weighted by closeness (a neighbour at distance d counts
// 1 / (1 + d)); then how many neighbours agree on the label they vote for (a digit inside one
// other class is a likelier mislabel than one between classes); then how near its neighbours are
// (mean distance, nearer first); then id. Each suspect also gets the label its neighbours vote for.
import type { NeighbourTable } from './knn';

export const SUSPECT_NEIGHBOURS = 10;
/** Components the neighbourhoods are measured on. */
export const SUSPECT_COMPONENTS = 50;

export interface SuspectScores {
  readonly k: number;
  /** The digits scored: global ids from … to − 1; the arrays below have one entry per digit, from `from` on. */
  readonly from: number;
  readonly to: number;
  /** Per digit: how many of its k neighbours carry another label. */
  readonly disagreeing: Uint8Array<ArrayBuffer>;
  /** Per digit: the label most of its neighbours carry (a tie goes to the nearer-weighted label, then the smaller). */
  readonly votedLabel: Uint8Array<ArrayBuffer>;
  /** Per digit: the closeness-weighted share of neighbours with another label, 0–1. */
  readonly weightedShare: Float64Array<ArrayBuffer>;
  /** Per digit: how many neighbours carry the voted label. */
  readonly votes: Uint8Array<ArrayBuffer>;
  /** Per digit: the mean distance to its neighbours. */
  readonly meanDistance: Float64Array<ArrayBuffer>;
  /** Global ids of the digits scored, most suspect first. */
  readonly ranking: Uint32Array<ArrayBuffer>;
  /** The neighbour table the scores come from (near-duplicate pairs are read off it too). */
  readonly table: NeighbourTable;
}

/** Scores the digits of `table` from the labels of every digit (`labels` by global id). */
export function suspectScores(table: NeighbourTable, labels: Uint8Array): SuspectScores {
  const { k, ids, distances, from, to } = table;
  const count = to - from;
  const disagreeing = new Uint8Array(count);
  const votedLabel = new Uint8Array(count);
  const weightedShare = new Float64Array(count);
  const votedCount = new Uint8Array(count);
  const meanDistance = new Float64Array(count);
  const votes = new Float64Array(256);
  const weights = new Float64Array(256);
  for (let id = 0; id < count; id++) {
    const own = labels[from + id]!;
    votes.fill(0);
    weights.fill(0);
    let other = 0;
    let otherWeight = 0;
    let totalWeight = 0;
    let distanceSum = 0;
    for (let j = 0; j < k; j++) {
      const label = labels[ids[id * k + j]!]!;
      distanceSum += distances[id * k + j]!;
      const weight = 1 / (1 + distances[id * k + j]!);
      votes[label]! += 1;
      weights[label]! += weight;
      totalWeight += weight;
      if (label !== own) {
        other++;
        otherWeight += weight;
      }
    }
    let best = 0;
    for (let label = 1; label < 256; label++) {
      if (votes[label]! > votes[best]! || (votes[label] === votes[best] && weights[label]! > weights[best]!)) best = label;
    }
    disagreeing[id] = other;
    votedLabel[id] = best;
    votedCount[id] = votes[best]!;
    meanDistance[id] = distanceSum / k;
    weightedShare[id] = totalWeight > 0 ? otherWeight / totalWeight : 0;
  }
  const scores = { k, from, to, disagreeing, votedLabel, weightedShare, votes: votedCount, meanDistance, table };
  const compare = compareRows(scores);
  const rows = Uint32Array.from({ length: count }, (_, i) => i).sort(compare);
  return { ...scores, ranking: rows.map((row) => from + row) };
}

/** More suspect first: count, weighted share, agreement on the vote, nearness; rows of one part. */
function compareRows(s: Omit<SuspectScores, 'ranking'>): (a: number, b: number) => number {
  return (a, b) =>
    s.disagreeing[b]! - s.disagreeing[a]! ||
    s.weightedShare[b]! - s.weightedShare[a]! ||
    s.votes[b]! - s.votes[a]! ||
    s.meanDistance[a]! - s.meanDistance[b]! ||
    a - b;
}

/** Whether digit `a` (global id) is more suspect than `b`, each scored in one of `parts`. */
function moreSuspect(parts: readonly SuspectScores[]): (a: number, b: number) => number {
  const of = (id: number) => parts.find((p) => id >= p.from && id < p.to)!;
  return (a, b) => {
    const [pa, pb] = [of(a), of(b)];
    const [ra, rb] = [a - pa.from, b - pb.from];
    return (
      pb.disagreeing[rb]! - pa.disagreeing[ra]! ||
      pb.weightedShare[rb]! - pa.weightedShare[ra]! ||
      pb.votes[rb]! - pa.votes[ra]! ||
      pa.meanDistance[ra]! - pb.meanDistance[rb]! ||
      a - b
    );
  };
}

/** One ranking of the digits of several scored parts (the splits), merged in the same order. */
export function mergedRanking(parts: readonly SuspectScores[]): Uint32Array {
  if (parts.length === 1) return parts[0]!.ranking;
  const compare = moreSuspect(parts);
  let merged: Uint32Array = new Uint32Array(0);
  for (const part of parts) {
    const next = new Uint32Array(merged.length + part.ranking.length);
    let [i, j, n] = [0, 0, 0];
    while (i < merged.length && j < part.ranking.length) next[n++] = compare(merged[i]!, part.ranking[j]!) <= 0 ? merged[i++]! : part.ranking[j++]!;
    while (i < merged.length) next[n++] = merged[i++]!;
    while (j < part.ranking.length) next[n++] = part.ranking[j++]!;
    merged = next;
  }
  return merged;
}

/** The scores of digit `id`, if one of `parts` covers it. */
export function suspectOf(parts: readonly (SuspectScores | null)[], id: number): { disagreeing: number; votedLabel: number; k: number } | null {
  const part = parts.find((p) => p !== null && id >= p.from && id < p.to);
  if (!part) return null;
  return { disagreeing: part.disagreeing[id - part.from]!, votedLabel: part.votedLabel[id - part.from]!, k: part.k };
}

// Each dataset's analysis results as kept files (formats in data/kept, storage in keptStorage.ts),
// named by the data's identity: the SHA-256 of its four IDX files. A warm load reads them back
// instead of computing again; data with other bytes has another key, so its results are computed
// afresh. A kept file that cannot be used is forgotten and reported as a problem, never thrown.
import type { DatasetStatistics } from '../../data/analysis/statistics';
import type { NeighbourTable } from '../../data/analysis/knn';
import type { DigitMap } from '../../data/analysis/digitMap';
import type { Rankings } from '../../data/dataset/sortOrder';
import { FILE_SLOTS, type Split } from '../../data/dataset/fileSlots';
import { sha256Hex } from '../../data/decode/sha256';
import { decodeStatistics, encodeStatistics, type DecodedStatistics } from '../../data/kept/statisticsFile';
import { decodeDigitMap, encodeDigitMap } from '../../data/kept/mapFile';
import { decodeNeighbourhoodMap, encodeNeighbourhoodMap, type LayoutSettings } from '../../data/kept/neighbourhoodMapFile';
import type { NeighbourhoodMap } from '../../data/analysis/mapLayouts';
import { decodeCrossValidation, decodeTrainedModel, encodeCrossValidation, encodeTrainedModel } from '../../data/kept/modelFile';
import type { CrossValidation, ModelSettings, TrainedModel } from '../../data/analysis/trainedModel';
import { decodeNeighbourTable, encodeNeighbourTable, type Expected } from '../../data/kept/neighbourTableFile';
import type { LoadedFileInfo } from '../../worker/loader/protocol';
import { forgetResult, keepResult, readResult } from './keptStorage';

/** The data's identity: its four IDX files' SHA-256 in file order, or null until all are known. */
export function dataKeyOf(files: readonly LoadedFileInfo[]): string | null {
  const sums = FILE_SLOTS.map((f) => files.find((info) => info.slot === f.slot)?.idxSha256 ?? null);
  return sums.every((s) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s)) ? sums.join(':') : null;
}

const hashOf = (key: string) => sha256Hex(new TextEncoder().encode(key)).slice(0, 32);

/** Each kind of result: its files' names, and how many datasets' worth are kept. */
const KINDS = {
  statistics: { prefix: 'statistics-', keepAtMost: 4 },
  map: { prefix: 'map-', keepAtMost: 4 },
  layout: { prefix: 'layout-', keepAtMost: 4 },
  model: { prefix: 'model-', keepAtMost: 4 },
  folds: { prefix: 'folds-', keepAtMost: 4 },
  // One file per split.
  neighbours: { prefix: 'neighbours-', keepAtMost: 8 },
} as const;

const fileName = (kind: keyof typeof KINDS, key: string, part = '') => `${KINDS[kind].prefix}${hashOf(key)}${part}.bin`;

export type KeptRead<T> = T | { readonly problem: string } | null;

/** A kept file decoded (null: none kept; a problem: kept but unusable, now forgotten). */
async function readKept<T extends object>(name: string, decode: (bytes: Uint8Array) => Promise<T | { problem: string }>): Promise<KeptRead<T>> {
  const bytes = await readResult(name);
  if (!bytes) return null;
  const read = await decode(bytes);
  if ('problem' in read) await forgetResult(name);
  return read;
}

function keep(kind: keyof typeof KINDS, name: string, encode: () => Promise<Uint8Array<ArrayBuffer>>): Promise<boolean> {
  return keepResult(name, encode, KINDS[kind].prefix, KINDS[kind].keepAtMost);
}

export function readKeptStatistics(key: string, counts: Record<Split, number>, shape: { pixels: number; labelSlots: number }): Promise<KeptRead<DecodedStatistics>> {
  return readKept(fileName('statistics', key), (bytes) => decodeStatistics(bytes, key, counts, shape));
}

export function keepStatistics(key: string, statistics: DatasetStatistics, rankings: Rankings, ms: number): Promise<boolean> {
  return keep('statistics', fileName('statistics', key), () => encodeStatistics(statistics, rankings, key, ms));
}

export function readKeptNeighbourTable(split: Split, expected: Expected): Promise<KeptRead<{ table: NeighbourTable; ms: number }>> {
  return readKept(fileName('neighbours', expected.key, `-${split}`), (bytes) => decodeNeighbourTable(bytes, expected));
}

export function keepNeighbourTable(key: string, split: Split, table: NeighbourTable, total: number, ms: number): Promise<boolean> {
  return keep('neighbours', fileName('neighbours', key, `-${split}`), () => encodeNeighbourTable(table, key, total, ms));
}

export function readKeptMap(key: string, count: number): Promise<KeptRead<{ map: DigitMap; ms: number }>> {
  return readKept(fileName('map', key), (bytes) => decodeDigitMap(bytes, key, count));
}

export function keepMap(key: string, map: DigitMap, ms: number): Promise<boolean> {
  return keep('map', fileName('map', key), () => encodeDigitMap(map, key, ms));
}

export function readKeptNeighbourhoodMap(key: string, count: number, settings: LayoutSettings): Promise<KeptRead<{ map: NeighbourhoodMap; ms: number }>> {
  return readKept(fileName('layout', key), (bytes) => decodeNeighbourhoodMap(bytes, key, count, settings));
}

export function keepNeighbourhoodMap(key: string, map: NeighbourhoodMap, ms: number, library: string): Promise<boolean> {
  return keep('layout', fileName('layout', key), () => encodeNeighbourhoodMap(map, key, ms, library));
}

export function readKeptTrainedModel(key: string, counts: Record<Split, number>, settings: ModelSettings): Promise<KeptRead<{ model: TrainedModel; ms: number }>> {
  return readKept(fileName('model', key), (bytes) => decodeTrainedModel(bytes, key, counts, settings));
}

export function keepTrainedModel(key: string, model: TrainedModel, ms: number, counts: Record<Split, number>): Promise<boolean> {
  return keep('model', fileName('model', key), () => encodeTrainedModel(model, key, ms, counts));
}

export function readKeptCrossValidation(key: string, counts: Record<Split, number>, settings: ModelSettings): Promise<KeptRead<{ crossValidation: CrossValidation; ms: number }>> {
  return readKept(fileName('folds', key), (bytes) => decodeCrossValidation(bytes, key, counts, settings));
}

export function keepCrossValidation(key: string, cv: CrossValidation, ms: number, counts: Record<Split, number>): Promise<boolean> {
  return keep('folds', fileName('folds', key), () => encodeCrossValidation(cv, key, ms, counts));
}

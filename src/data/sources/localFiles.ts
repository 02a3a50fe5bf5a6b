// The visitor's own files: which file is which. Names are all there is to go by before reading
// (a file picker gives no roles), so the publisher's names are matched first, then the words every
// IDX publisher uses (train / t10k or test, images / idx3, labels / idx1).
import type { DatasetEntry } from '../dataset/catalog';
import { FILE_SLOTS, type FileSlot, type Split } from '../dataset/fileSlots';
import { safeEcho } from '../safeText';

export type LocalAssignment =
  | { readonly ok: true; readonly files: Partial<Record<FileSlot, number>> }
  | { readonly ok: false; readonly reason: string };

/** The role of one file by its name, or null when the name does not say. */
export function roleOfName(fileName: string): { split: Split | null; role: 'images' | 'labels' } | null {
  const name = fileName.toLowerCase().replace(/\.(gz|gzip)$/, '');
  const role = /images|idx3/.test(name) ? 'images' : /labels|idx1/.test(name) ? 'labels' : null;
  if (!role) return null;
  const split = /t10k|test/.test(name) ? 'test' : /train/.test(name) ? 'train' : null;
  return { split, role };
}

/**
 * Which of `names` (indexes into it) is each of the four files. Every file must be placed; a split
 * needs both its files; one split alone is a dataset (a file naming no split is the training split).
 */
export function assignLocalFiles(names: readonly string[], entry: DatasetEntry): LocalAssignment {
  const files: Partial<Record<FileSlot, number>> = {};
  const shown = (i: number) => `“${safeEcho(names[i] ?? '', 80)}”`;
  for (const [i, name] of names.entries()) {
    const byEntry = FILE_SLOTS.find((f) => stripGz(entry.files[f.split][f.role]) === stripGz(name));
    const guessed = byEntry ? { split: byEntry.split, role: byEntry.role } : roleOfName(name);
    if (!guessed) {
      return { ok: false, reason: `${shown(i)} does not say whether it holds images or labels: name it like train-images-idx3-ubyte.gz or t10k-labels-idx1-ubyte` };
    }
    const slot = FILE_SLOTS.find((f) => f.split === (guessed.split ?? 'train') && f.role === guessed.role)!;
    const taken = files[slot.slot];
    if (taken !== undefined) {
      return { ok: false, reason: `${shown(taken)} and ${shown(i)} both look like the ${slot.split} ${slot.role}: open one of them` };
    }
    files[slot.slot] = i;
  }
  for (const split of ['train', 'test'] as const) {
    const images = FILE_SLOTS.find((f) => f.split === split && f.role === 'images')!.slot;
    const labels = FILE_SLOTS.find((f) => f.split === split && f.role === 'labels')!.slot;
    const [i, l] = [files[images], files[labels]];
    if (i !== undefined && l === undefined) return { ok: false, reason: `${shown(i)} has no labels file beside it: open the ${split} labels too` };
    if (l !== undefined && i === undefined) return { ok: false, reason: `${shown(l)} has no images file beside it: open the ${split} images too` };
  }
  if (Object.keys(files).length === 0) return { ok: false, reason: 'no files were given' };
  return { ok: true, files };
}

function stripGz(name: string): string {
  return name.toLowerCase().replace(/\.(gz|gzip)$/, '');
}

/**
 * The dataset dropped files are, by their names: a catalogue entry whose own file names they
 * carry (EMNIST's are unique), else `fallback` (what is on screen: MNIST, Fashion-MNIST and
 * KMNIST share their file names, so only the visitor knows which theirs are).
 */
export function datasetForFileNames(names: readonly string[], entries: readonly DatasetEntry[], fallback: DatasetEntry): DatasetEntry {
  const own = entries.filter((entry) => entry.files.train.images !== fallback.files.train.images || entry === fallback);
  const match = own.find((entry) => names.length > 0 && names.every((name) => FILE_SLOTS.some((f) => stripGz(entry.files[f.split][f.role]) === stripGz(name))));
  return match ?? fallback;
}

/** Whether a file is a zip archive, by its name (the bytes are checked when it is read). */
export function isArchiveName(name: string): boolean {
  return /\.zip$/i.test(name);
}

export type ArchiveChoice =
  | { readonly ok: true; readonly dataset: DatasetEntry; readonly files: Partial<Record<FileSlot, string>> }
  | { readonly ok: false; readonly reason: string };

/**
 * Which entries of an archive to open (their paths inside it), and which dataset they are: the
 * one asked for if the archive has its files; else the first catalogue dataset whose own file
 * names it has (EMNIST's gzip.zip holds all of EMNIST's splits: Balanced is the first); else
 * whatever IDX-looking files it holds, told apart as loose files are.
 */
export function chooseArchiveEntries(paths: readonly string[], requested: DatasetEntry, entries: readonly DatasetEntry[]): ArchiveChoice {
  const base = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const byBase = new Map<string, string>();
  for (const path of paths) if (!byBase.has(stripGz(base(path)))) byBase.set(stripGz(base(path)), path);
  const filesOf = (entry: DatasetEntry) => {
    const files: Partial<Record<FileSlot, string>> = {};
    for (const f of FILE_SLOTS) {
      const path = byBase.get(stripGz(entry.files[f.split][f.role]));
      if (path !== undefined) files[f.slot] = path;
    }
    return files;
  };
  const complete = (files: Partial<Record<FileSlot, string>>) => Object.keys(files).length === 4;
  if (complete(filesOf(requested))) return { ok: true, dataset: requested, files: filesOf(requested) };
  const own = entries.find((entry) => entry.files.train.images !== requested.files.train.images && complete(filesOf(entry)));
  if (own) return { ok: true, dataset: own, files: filesOf(own) };
  const loose = paths.filter((path) => roleOfName(base(path)) !== null);
  const assigned = assignLocalFiles(loose.map(base), requested);
  if (!assigned.ok) return { ok: false, reason: loose.length === 0 ? 'the archive holds no IDX image or label files' : assigned.reason };
  const files: Partial<Record<FileSlot, string>> = {};
  for (const [slot, index] of Object.entries(assigned.files) as [FileSlot, number][]) files[slot] = loose[index]!;
  return { ok: true, dataset: requested, files };
}

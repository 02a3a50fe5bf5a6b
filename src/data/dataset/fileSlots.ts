// The four files every dataset is made of — images and labels of a training and a test split —
// named by their place, not by any dataset's file names (each catalogue entry has its own).
export const SPLITS = ['train', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export type FileRole = 'images' | 'labels';

/** The four slots, in the order a loader reports them. */
export const FILE_SLOTS = [
  { slot: 'train-images', split: 'train', role: 'images' },
  { slot: 'train-labels', split: 'train', role: 'labels' },
  { slot: 'test-images', split: 'test', role: 'images' },
  { slot: 'test-labels', split: 'test', role: 'labels' },
] as const satisfies readonly { slot: string; split: Split; role: FileRole }[];

export type FileSlot = (typeof FILE_SLOTS)[number]['slot'];

/** The slot of a split's images or labels. */
export function slotOf(split: Split, role: FileRole): FileSlot {
  return `${split}-${role}`;
}

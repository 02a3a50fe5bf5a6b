// The map on screen as a CSV for the notebook: every digit's split, index, label and x, y on the
// layout shown, a row per digit in file order (train, then test). Each coordinate is written as
// the shortest text that reads back to the very number the app selects with (a float32 of the
// neighbourhood map as its exact double), so a region's Python selects what the app selects.
import type { Dataset } from '../dataset/dataset';
import type { DatasetInfo } from '../dataset/catalog';
import type { LayoutKind, MapPoints } from '../analysis/mapLayouts';

export const COORDINATES_HEADER = 'split,index,label,x,y';

/** `mnist-umap-coordinates.csv`: the file Save coordinates writes, and a region's Python reads. */
export function coordinatesFileName(info: DatasetInfo, layout: LayoutKind): string {
  return `${info.id}-${layout}-coordinates.csv`;
}

const number = (v: number) => (Object.is(v, -0) ? '0' : String(v));

/** The CSV of `points` (x, y per digit by global id) for every digit of `dataset`. */
export function coordinatesCsv(dataset: Dataset, points: MapPoints): string {
  const total = dataset.train.count + dataset.test.count;
  if (points.length !== total * 2) throw new Error(`the map has ${points.length / 2} points for ${total} digits`);
  const lines = [COORDINATES_HEADER];
  let id = 0;
  for (const split of [dataset.train, dataset.test]) {
    for (let index = 0; index < split.count; index++, id++) {
      lines.push(`${split.split},${index},${split.labels[index]!},${number(points[id * 2]!)},${number(points[id * 2 + 1]!)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

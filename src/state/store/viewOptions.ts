/** The app's views: the digit grid with its sample panel, the data frame, the statistics, the map, the classifier, the drawing pad, the raw files. */
export const VIEWS = ['digits', 'table', 'stats', 'map', 'model', 'draw', 'files'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_NAMES: Record<View, string> = { digits: 'Digits', table: 'Data frame', stats: 'Statistics', map: 'Map', model: 'Model', draw: 'Draw', files: 'Files' };

/** Cell scale factors the zoom control offers; 1 = 28 CSS pixels per digit, 0.15 = 4 (the dense overview). */
export const ZOOM_LEVELS: readonly number[] = [0.15, 0.25, 0.5, 1, 1.5, 2, 3, 4];
export const DEFAULT_ZOOM = 2;
/** The smallest zoom whose labels are written as text; below it they are colour bands (the dense overview). */
export const SMALLEST_LABELLED_ZOOM = 0.5;

/** Whether the grid at this zoom is the dense overview: labels as colour bands, by the Colour fact. */
export function isBandedZoom(zoom: number): boolean {
  return zoom < SMALLEST_LABELLED_ZOOM;
}

/** The app's views: the digit grid with its sample panel, the data frame, the statistics, the map, the classifier, the drawing pad, the raw files. */
export const VIEWS = ['digits', 'table', 'stats', 'map', 'model', 'draw', 'files'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_NAMES: Record<View, string> = { digits: 'Digits', table: 'Data frame', stats: 'Statistics', map: 'Map', model: 'Model', draw: 'Draw', files: 'Files' };

/** Cell scale factors the zoom control offers; 1 = 28 CSS pixels per digit. */
export const ZOOM_LEVELS: readonly number[] = [0.5, 1, 1.5, 2, 3, 4];
export const DEFAULT_ZOOM = 2;

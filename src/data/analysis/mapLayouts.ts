// The maps of all digits the Map view draws, and what they are coloured by. Each layout puts
// every digit at an x, y; a region of the map is in the coordinates of the layout it was drawn on.

/** Neighbourhoods (UMAP of the exact neighbour graph) by default; the principal components as before. */
export const LAYOUTS = ['umap', 'pca'] as const;
export type LayoutKind = (typeof LAYOUTS)[number];

export const LAYOUT_NAMES: Readonly<Record<LayoutKind, string>> = {
  umap: 'Neighbourhoods (UMAP)',
  pca: 'Principal components',
};

/** What the points are coloured by. */
export const MAP_COLOURS = ['label', 'split', 'suspect', 'prediction'] as const;
export type MapColour = (typeof MAP_COLOURS)[number];

export const MAP_COLOUR_NAMES: Readonly<Record<MapColour, string>> = {
  label: 'Label',
  split: 'Split',
  suspect: 'Suspect score',
  prediction: 'Prediction',
};

/** Every digit's x, y on a map, by global id (train first): 2 numbers per digit. */
export type MapPoints = Float32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * The neighbourhood map: UMAP of every digit's exact nearest neighbours (their table, on the
 * leading principal components), laid out in two dimensions.
 */
export interface NeighbourhoodMap {
  readonly coordinates: Float32Array<ArrayBuffer>;
  /** Neighbours per digit in the graph the layout was made from. */
  readonly neighbours: number;
  readonly epochs: number;
  readonly seed: number;
  /** Where the time went, in ms: building the fuzzy graph and the initial layout, then the epochs. */
  readonly timings: { readonly setup: number; readonly layout: number };
}

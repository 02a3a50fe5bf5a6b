// The thumbnail worker's messages: the page hands it the pixels, the selection's ids and the kept
// thumbnails of one size (all in shared memory but the ids), and it reduces every digit not made
// yet, from a position on, while the page paints. The page stops it by terminating it.
import type { ReducePixels } from '../../render/gridViewport';

export interface ThumbnailsRequest {
  readonly type: 'reduce';
  readonly pixels: ReducePixels;
  readonly size: number;
  readonly ids: Uint32Array;
  readonly start: number;
  /** The kept thumbnails (shared): `size` × `size` bytes per global id, and a flag per id. */
  readonly bytes: Uint8Array;
  readonly made: Uint8Array;
}

export type ThumbnailsReply = { readonly type: 'reduced'; readonly ms: number } | { readonly type: 'reduce-failed'; readonly message: string };

import { fileURLToPath } from 'node:url';

/**
 * embedding-atlas exports only its viewer (with Mosaic, React and Svelte as peers); its UMAP is a
 * file of the package, not an entry point. The app imports it as `embedding-atlas/umap`, resolved
 * here for the build and the unit tests alike (the version is pinned in package.json: a file
 * path is not a promise the package keeps).
 */
export const UMAP_MODULE_ALIAS = {
  'embedding-atlas/umap': fileURLToPath(new URL('../node_modules/embedding-atlas/dist/umap.js', import.meta.url)),
};

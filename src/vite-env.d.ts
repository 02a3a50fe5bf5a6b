/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional build-time override of the per-file size limit, in bytes (default 1 GiB). */
  readonly VITE_MAX_FILE_BYTES?: string;
}

/** The build's data files with their sizes and SHA-256s (plugins/dataFileHashes.ts). */
declare module 'virtual:data-file-hashes' {
  const files: readonly import('./data/sources/keptDataFiles').DataFileHash[];
  export default files;
}

/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional build-time override of the per-file size limit, in bytes (default 1 GiB). */
  readonly VITE_MAX_FILE_BYTES?: string;
}

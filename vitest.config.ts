import { defineConfig } from 'vitest/config';
import { UMAP_MODULE_ALIAS } from './plugins/umapModule';

export default defineConfig({
  resolve: { alias: UMAP_MODULE_ALIAS },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Both cores: by default Vitest leaves one free (one worker on a 2-core machine), and the
    // files then ran one after another (112 s of tests took 140 s).
    maxWorkers: 2,
  },
});

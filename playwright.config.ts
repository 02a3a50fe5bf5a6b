import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE_PATH } from './e2e/helpers/chromium';
import { APP_PORT, DEV_SERVER_PORT, FAULT_SERVER_PORT, STATIC_HOST_PORT } from './e2e/helpers/ports';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${APP_PORT}`,
    viewport: { width: 1280, height: 800 },
    // Recording a trace costs every test ~40 % of its time (8 tests: 61 → 36 s), kept or not: on CI,
    // where the suite must fit its budget, none is recorded (re-run a failure locally to get one).
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: { executablePath: CHROMIUM_EXECUTABLE_PATH, args: [...CHROMIUM_ARGS] },
      },
    },
  ],
  webServer: [
    {
      // The production build on the preview server: the same bundle and headers users get.
      command: 'npx vite build && npx vite preview',
      env: { PORT: String(APP_PORT), BROWSER: 'none' },
      url: `http://localhost:${APP_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The dev server too: StrictMode's double effects only run there.
      command: 'npx vite',
      env: { PORT: String(DEV_SERVER_PORT), BROWSER: 'none' },
      url: `http://localhost:${DEV_SERVER_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The same build on a plain static host (no isolation headers, no relay), as Pages serves it.
      command: 'npx tsx e2e/helpers/static-host.ts',
      url: `http://127.0.0.1:${STATIC_HOST_PORT}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: 'npx tsx e2e/helpers/fault-server.ts',
      url: `http://127.0.0.1:${FAULT_SERVER_PORT}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});

import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests and the benchmark drive: Debian's when installed (CI and our
 * machines), else Playwright's own (undefined lets Playwright choose).
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_EXECUTABLE_PATH = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

/**
 * Launch flags for both, so the benchmark measures the browser the tests check: among them none
 * of the browser's own background traffic (updates, sync), which would share the machine with the app.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

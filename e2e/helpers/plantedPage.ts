// Opening the planted set (helpers/planted.ts) in the app: 2,500 real digits instead of 70,000,
// for tests of the app's mechanics (a map region, a kept file, a link) that do not need all of MNIST.
import { expect, type Page } from '@playwright/test';
import { linkSourceQuestion, status } from './explorer';
import { PLANTED_TOTAL } from './planted';
import { FAULT_SERVER } from './ports';

/** The planted set's base URL on the fault server. */
export const PLANTED_URL = `${FAULT_SERVER}/planted/`;

/** The link parameters that name the planted set as the source (the page then asks before loading it). */
export const PLANTED_SOURCE = `source=custom&url=${encodeURIComponent(PLANTED_URL)}`;

/**
 * Opens `/?<planted source>&<params>`, answers the link's question with Load, and waits until the
 * status says `loaded` (by default: the planted set is on screen, whatever the filters show of it).
 */
export async function openPlanted(page: Page, params = '', loaded = new RegExp(`^Showing \\d+ of ${PLANTED_TOTAL} digits$`)): Promise<void> {
  await page.goto(`/?${PLANTED_SOURCE}${params ? `&${params}` : ''}`);
  await linkSourceQuestion(page).getByRole('button', { name: 'Load', exact: true }).click();
  await expect(status(page)).toHaveText(loaded);
}

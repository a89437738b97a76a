// The README's screenshots, desk and phone, taken from the real page. They are
// written to artifacts/ on every run and over the README's copies only with
// UPDATE_SCREENSHOT=1, so a run on a machine with other fonts leaves the work
// tree clean.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { portalSuite, repo, SCREENS } from './helpers.mjs';

const { withPortal } = portalSuite({ before, after });
const update = process.env.UPDATE_SCREENSHOT === '1';

async function shoot(page, name, readmeName, options) {
  mkdirSync(`${repo}/artifacts`, { recursive: true });
  // A still page: no focus ring, no caret, no hover.
  await page.evaluate(() => document.activeElement?.blur());
  await page.mouse.move(0, 0);
  const path = update ? `${repo}/www/${readmeName}` : `${repo}/artifacts/${name}`;
  await page.screenshot({ path, ...options });
  const size = statSync(path).size;
  assert.ok(size < 300_000, `${path} is ${size} bytes`);
}

test('the desk screenshot: an event with a warning to check', async () => {
  await withPortal(SCREENS.desktop, async ({ page }) => {
    await page.selectOption('#service-type', 'repair_depot');
    await page.selectOption('#event-select', 'repair_eta');
    await page.fill('#f-estimatedRepairCompletionAt', '2030-05-01 09:30');
    await page.check('#f-isDelayed');
    await page.fill('#f-delayReason', 'Waiting for a part');
    await page.click('#add-custom');
    await page.locator('.custom-row input[id$="-name"]').fill('recievedBy');
    await page.locator('.custom-row [id$="-value"]').fill('T. Nguyen');
    await page.locator('.custom-row .issue[data-code="possible_typo"]').waitFor();
    await page.locator('#f-notes').fill('Customer informed by phone.');
    await page.locator('#status[data-state="warnings"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'portal-desktop.png', 'screenshot.png', { fullPage: true });
  });
});

test('the phone screenshot: a pasted body, its faults marked, the result, the sticky bar', async () => {
  // At twice the pixels, as a phone's screen has them: at 1x an underscore can vanish.
  await withPortal({ ...SCREENS.phone, scale: 2 }, async ({ page }) => {
    await page.selectOption('#service-type', 'repair_depot');
    await page.click('#tab-paste');
    await page.getByRole('button', { name: 'Misspelt names' }).click();
    await page.locator('#paste-issues .issue').first().waitFor();
    // The text with its marked faults above the result.
    await page.locator('label[for="paste-input"]').evaluate((n) => n.scrollIntoView({ block: 'start' }));
    await shoot(page, 'portal-phone.png', 'screenshot-phone.png', {});
  });
});

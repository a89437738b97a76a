// Point 7 of the second round: words and accessibility. axe-core finds no
// violation on first load at either size (the other suites run it on their
// states too), the twin date fields say which is which, the paste hint is in
// plain words, and new issues are announced once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, issue, portalSuite, SCREENS } from './helpers.mjs';

const { withPortal } = portalSuite({ before, after });

describe('words and accessibility', () => {
  for (const [screen, size] of Object.entries(SCREENS)) {
    test(`axe finds no violation on first load, in either mode (${screen})`, async () => {
      await withPortal(size, async ({ page }) => {
        await assertNoAxeViolations(page, `first load, ${screen}`);
        await page.click('#tab-paste');
        await assertNoAxeViolations(page, `the empty paste mode, ${screen}`);
        await page.getByRole('button', { name: 'Duplicate key' }).click();
        await page.locator('#paste-issues .issue').first().waitFor();
        await assertNoAxeViolations(page, `a pasted body with issues, ${screen}`);
      });
    });
  }

  test('the twin date fields say they are one date under two names', async () => {
    await withPortal(SCREENS.desktop, async ({ page }) => {
      await page.selectOption('#service-type', 'repair_depot');
      await page.selectOption('#event-select', 'product_received');
      assert.match(await page.locator('#f-receptionDate-hint').textContent(), /Same date as Received at \(receivedAt\)/);
      assert.match(await page.locator('#f-receivedAt-hint').textContent(), /Same date as Reception date \(receptionDate\)/);
      await page.selectOption('#event-select', 'product_delivered');
      assert.match(await page.locator('#f-deliveredDate-hint').textContent(), /Same date as Delivered at \(deliveredAt\)/);
      // The help is what a screen reader reads with the input.
      const described = await page.locator('#f-deliveredAt').getAttribute('aria-describedby');
      assert.ok(described.split(' ').includes('f-deliveredAt-hint'));
    });
  });

  test('the paste hint speaks plainly', async () => {
    await withPortal(SCREENS.desktop, async ({ page }) => {
      const hint = await page.locator('#paste-hint').textContent();
      assert.doesNotMatch(hint, /validateEventJson|JSON\.parse/);
      assert.match(hint, /Paste the exact text you would send/);
    });
  });

  test('new issues are announced once, in a polite live region', async () => {
    await withPortal(SCREENS.desktop, async ({ page }) => {
      const region = page.locator('#announcer');
      assert.equal(await region.getAttribute('role'), 'status');
      await page.selectOption('#event-select', 'repair_started');
      await page.fill('#f-notes', 'x');
      await page.click('#add-custom');
      await page.locator('.custom-row input[id$="-name"]').fill('recievedBy');
      await issue(page, '.custom-row', 'possible_typo').waitFor();
      assert.match(await region.textContent(), /^Warning: "?recievedBy"? is not a known field/);
      // Typing on without a new issue says nothing new.
      await region.evaluate((n) => (n.textContent = ''));
      await page.locator('.custom-row [id$="-value"]').fill('Ana');
      await page.fill('#f-notes', 'xy');
      assert.equal(await region.textContent(), '');
      // The issue lists are named lists, tied to their inputs.
      const described = await page.locator('.custom-row input[id$="-name"]').getAttribute('aria-describedby');
      assert.equal(await page.locator(`#${described} .issue`).count(), 1);
      // A visible label is part of the accessible name (WCAG 2.5.3).
      await page.selectOption('#service-type', 'repair_depot');
      await page.selectOption('#event-select', 'repair_eta');
      await page.check('#f-isDelayed');
      assert.match(await page.locator('[data-field="isDelayed"] button').getAttribute('aria-label'), /^Clear /);
    });
  });
});

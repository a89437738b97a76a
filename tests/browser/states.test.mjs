// Point 3 of the second round: three states, never a green tick over a
// mistake, and every timestamp shown as a local date, in the form and in
// paste mode. At desk and phone sizes, with axe run on each state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, issue, portalSuite, previewJson, SCREENS } from './helpers.mjs';

const { withPortal } = portalSuite({ before, after });

for (const [screen, size] of Object.entries(SCREENS)) {
  describe(`three states (${screen})`, () => {
    test('ready, check the warnings (amber, warnings first), not ready', async () => {
      await withPortal(size, async ({ page }) => {
        await page.selectOption('#service-type', 'repair_depot');
        await page.selectOption('#event-select', 'repair_started');
        const status = page.locator('#status');
        await page.locator('#status[data-state="ready"]').waitFor();
        assert.match(await status.textContent(), /^Ready to send/);

        // A date in January 1970 is a timestamp in seconds: a warning, never green.
        await page.fill('#f-repairStartedAt', '1970-01-21 01:19');
        await page.locator('#status[data-state="warnings"]').waitFor();
        assert.match(await status.textContent(), /^Check the warnings: 1 warning/);
        const colour = await status.evaluate((n) => getComputedStyle(n).color);
        assert.equal(colour, 'rgb(122, 74, 0)', 'amber text, not green');
        assert.equal(await status.evaluate((n) => getComputedStyle(n, '::before').content), '"⚠ "');
        assert.equal(await page.locator('#summary .issue').first().getAttribute('data-code'), 'timestamp_in_seconds');
        assert.ok(
          await page.locator('#f-repairStartedAt').evaluate((n) => n.classList.contains('has-warning')),
          'the input is outlined in amber',
        );
        await assertNoAxeViolations(page, `the warnings state, ${screen}`);

        // An error as well: not ready, and the warning is still listed first.
        await page.click('#add-custom');
        await page.locator('.custom-row input[id$="-name"]').fill('__proto__');
        await page.locator('.custom-row [id$="-value"]').fill('x');
        await page.locator('#status[data-state="errors"]').waitFor();
        assert.match(await status.textContent(), /^Not ready to send: 1 error, 1 warning\.$/);
        const order = await page.locator('#summary .issue').evaluateAll((ns) => ns.map((n) => n.dataset.code));
        assert.deepEqual(order, ['timestamp_in_seconds', 'forbidden_key']);
        await assertNoAxeViolations(page, `the errors state, ${screen}`);

        // "Show" in the summary goes to the field.
        await page.locator('#summary .issue[data-code="timestamp_in_seconds"] button.show').click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-repairStartedAt');
      });
    });

    test('a misspelt event name is a warning state, not a green one; fixed from the summary', async () => {
      await withPortal(size, async ({ page }) => {
        await page.selectOption('#event-select', '(other)');
        await page.fill('#event-name', 'repair_complete');
        await issue(page, '[data-field="event"]', 'possible_typo').waitFor();
        await page.locator('#status[data-state="warnings"]').waitFor();
        assert.equal((await previewJson(page)).event, 'repair_complete');
        // The warning listed above the JSON carries the same one-click fix.
        await page.locator('#summary .issue[data-code="possible_typo"] button.fix').click();
        await page.locator('#status[data-state="ready"]').waitFor();
        assert.equal((await previewJson(page)).event, 'repair_completed');
        assert.equal(await page.locator('#summary .issue').count(), 0);
      });
    });

    test('every timestamp is shown as a local date, in the form and in paste mode', async () => {
      await withPortal(size, async ({ page }) => {
        await page.selectOption('#service-type', 'repair_onsite');
        await page.selectOption('#event-select', 'customer_contact');
        await page.fill('#f-contactTimestamp', '2030-05-01 09:30'); // New York time
        const ms = Date.UTC(2030, 4, 1, 13, 30);
        assert.equal(
          await page.locator('#f-contactTimestamp-when').textContent(),
          `Wed, May 1, 2030, 9:30 AM EDT · sent as ${ms}`,
        );
        assert.equal((await previewJson(page)).contactTimestamp, ms);
        await page.click('#f-appointmentTimestamps-add');
        await page.fill('#f-appointmentTimestamps-0', '2030-12-24 18:00');
        assert.match(await page.locator('#f-appointmentTimestamps-0-when').textContent(), /^Tue, Dec 24, 2030, 6:00 PM EST/);

        await page.click('#tab-paste');
        await page.fill(
          '#paste-input',
          JSON.stringify({ event: 'customer_contact', contactTimestamp: 1767225600, appointmentTimestamps: [ms] }),
        );
        await page.locator('#paste-status[data-state="warnings"]').waitFor();
        const times = await page.locator('#paste-times dd').allTextContents();
        assert.deepEqual(times, [
          '1767225600 = Wed, Jan 21, 1970, 5:53 AM EST (as seconds it would be Wed, Dec 31, 2025, 7:00 PM EST)',
          `${ms} = Wed, May 1, 2030, 9:30 AM EDT`,
        ]);
        assert.deepEqual(await page.locator('#paste-times dt').allTextContents(), ['/contactTimestamp', '/appointmentTimestamps/0']);
      });
    });
  });
}

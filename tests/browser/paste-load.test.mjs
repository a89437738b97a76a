// Point 1 of the second round, the part that needs no location: a valid
// pasted body goes into the form in one click, each field into its input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, portalSuite, previewJson, SCREENS } from './helpers.mjs';

const { withPortal, api } = portalSuite({ before, after });

for (const [screen, size] of Object.entries(SCREENS)) {
  describe(`paste mode (${screen})`, () => {
    test('"Load into the form" takes a valid body into the form, nothing lost', async () => {
      await withPortal(size, async ({ page }) => {
        await page.selectOption('#service-type', 'repair_onsite');
        await page.click('#tab-paste');
        const body = {
          event: 'customer_contact',
          method: 'email_and_phone',
          contactTimestamp: 1767225600123,
          appointmentTimestamps: [1767312000000, 1767398400000],
          notes: 'Left a voicemail.',
          technicianId: 'T-1042',
          visit: { slot: 2, confirmed: false },
        };
        await page.fill('#paste-input', JSON.stringify(body, null, 2));
        await page.locator('#paste-status[data-state="ready"]').waitFor();
        const load = page.getByRole('button', { name: 'Load into the form' });
        await load.click();
        assert.ok(await page.locator('#panel-build').isVisible());
        assert.equal(new URL(page.url()).hash, '#build');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'event-select');
        assert.equal(await page.inputValue('#event-select'), 'customer_contact');
        assert.equal(await page.inputValue('#f-method'), 'email_and_phone');
        // Milliseconds survive: the typed date shows them when there are some.
        assert.equal(await page.inputValue('#f-contactTimestamp'), '2025-12-31 19:00:00.123');
        assert.equal(await page.inputValue('#f-appointmentTimestamps-1'), '2026-01-02 19:00');
        const built = await previewJson(page);
        const { event, ...fields } = body;
        assert.deepEqual(built, api().buildEvent(event, fields, { serviceType: 'repair_onsite' }));
        assert.deepEqual(built, body);
        await page.locator('#status[data-state="ready"]').waitFor();
        await assertNoAxeViolations(page, `a body loaded into the form, ${screen}`);
      });
    });

    test('a body with errors is not offered to the form', async () => {
      await withPortal(size, async ({ page }) => {
        await page.click('#tab-paste');
        await page.fill('#paste-input', '{"event": "repair_started", "repairStartedAt": "soon"}');
        await page.locator('#paste-status[data-state="errors"]').waitFor();
        assert.ok(await page.locator('#load-form').isHidden());
        await page.fill('#paste-input', '{"event": "repair_started", "repairStartedAt": 1767225600000}');
        await page.locator('#paste-status[data-state="ready"]').waitFor();
        assert.ok(await page.locator('#load-form').isVisible());
      });
    });
  });
}

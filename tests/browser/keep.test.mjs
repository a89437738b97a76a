// Point 5 of the second round: the work survives a reload (the draft in
// localStorage, the tab in the URL hash), "Start over" can be undone, and
// Copy asks first when the event is not ready.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, portalSuite, previewJson, SCREENS } from './helpers.mjs';

const { withPortal } = portalSuite({ before, after });

for (const [screen, size] of Object.entries(SCREENS)) {
  describe(`keeping the work (${screen})`, () => {
    test('the draft and the open tab survive a reload; Start over can be undone', async () => {
      await withPortal(size, async ({ page, reload }) => {
        await page.selectOption('#service-type', 'repair_onsite');
        await page.selectOption('#event-select', 'customer_contact');
        await page.selectOption('#f-method', 'phone');
        await page.fill('#f-contactTimestamp', '2030-05-01 09:30');
        await page.click('#add-custom');
        await page.locator('.custom-row input[id$="-name"]').fill('technicianId');
        await page.locator('.custom-row [id$="-value"]').fill('T-1042');
        await page.check('#strict');
        const built = await previewJson(page);
        await page.click('#tab-paste');
        await page.fill('#paste-input', '{"event": "resolved"}');
        assert.equal(new URL(page.url()).hash, '#paste');

        await reload();
        assert.ok(await page.locator('#panel-paste').isVisible(), 'the paste tab is still open');
        assert.equal(await page.locator('#tab-paste').getAttribute('aria-selected'), 'true');
        assert.equal(await page.inputValue('#paste-input'), '{"event": "resolved"}');
        await page.click('#tab-build');
        assert.equal(new URL(page.url()).hash, '#build');
        assert.deepEqual(await previewJson(page), built, 'the same event after the reload');
        assert.equal(await page.inputValue('#service-type'), 'repair_onsite');
        assert.ok(await page.isChecked('#strict'));
        assert.equal(await page.inputValue('.custom-row input[id$="-name"]'), 'technicianId');

        await page.click('#start-over');
        await page.locator('#undo-bar').waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'undo-start-over');
        assert.deepEqual(Object.keys(await previewJson(page)), ['event'], 'a fresh form');
        assert.equal(await page.inputValue('#paste-input'), '');
        assert.equal(await page.locator('.custom-row').count(), 0);
        await assertNoAxeViolations(page, `after Start over, ${screen}`);
        await page.click('#undo-start-over');
        await page.locator('#undo-bar').waitFor({ state: 'hidden' });
        assert.deepEqual(await previewJson(page), built, 'Undo puts everything back');
        assert.equal(await page.inputValue('#paste-input'), '{"event": "resolved"}');

        await page.click('#start-over');
        await reload();
        assert.deepEqual(Object.keys(await previewJson(page)), ['event'], 'Start over also clears the saved draft');
      });
    });

    test('Copy while not ready asks first; Cancel copies nothing', async () => {
      await withPortal(size, async ({ page, context }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.evaluate(() => navigator.clipboard.writeText('before'));
        await page.selectOption('#service-type', 'repair_depot');
        await page.selectOption('#event-select', 'repair_started');
        await page.fill('#f-repairStartedAt', '1969-07-20 16:17');
        await page.locator('#status[data-state="errors"]').waitFor();

        const copy = screen === 'phone' ? '#bar-copy' : '#copy';
        await page.click(copy);
        const dialog = page.locator('#copy-confirm');
        await dialog.waitFor();
        assert.match(await dialog.locator('#copy-confirm-text').textContent(), /1 error/);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'copy-cancel', 'Cancel has the focus');
        await assertNoAxeViolations(page, `the copy question, ${screen}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing copied');

        await page.click(copy);
        await page.click('#copy-anyway');
        await dialog.waitFor({ state: 'hidden' });
        await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t !== 'before'));
        assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), await previewJson(page));

        // Ready: no question.
        await page.fill('#f-repairStartedAt', '2030-05-01 09:30');
        await page.locator('#status[data-state="ready"]').waitFor();
        await page.click(copy);
        await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('1903872600000')));
        assert.ok(await dialog.isHidden());
      });
    });
  });
}

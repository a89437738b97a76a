// Point 6 of the second round, on a 390×844 phone (and the desk where it
// differs): the sticky bar, the paste result in view, wrapping JSON, 44 px
// targets, date inputs that cost few Tab stops, and "Now" with an undo.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, onScreen, portalSuite, previewJson, SCREENS } from './helpers.mjs';

const { withPortal } = portalSuite({ before, after });
const phone = SCREENS.phone;

/** Every visible control smaller than 44 px in either direction (a checkbox counts with its label). */
function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const node of document.querySelectorAll('button, select, input, textarea, a[href], [role="tab"]')) {
      if (node.getClientRects().length === 0) continue; // not rendered
      if (node.classList.contains('picker') || node.classList.contains('skip')) continue;
      const box = (node.type === 'checkbox' && node.labels[0] ? node.labels[0] : node).getBoundingClientRect();
      if (box.height < 44 || box.width < 44) {
        small.push(`${node.id || node.textContent.trim() || node.outerHTML.slice(0, 60)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

describe('on a phone', () => {
  test('a sticky bar keeps the state, the count and Copy on screen', async () => {
    await withPortal(phone, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const bar = page.locator('#bar');
      assert.ok(await onScreen(bar), 'on screen at the top of the page');
      assert.equal(await page.locator('#bar-state').getAttribute('data-state'), 'ready');
      await page.selectOption('#service-type', 'repair_depot');
      await page.selectOption('#event-select', 'repair_eta');
      await page.fill('#f-estimatedRepairCompletionAt', '1969-07-20 16:17');
      await page.locator('#bar-state[data-state="errors"]').waitFor();
      assert.equal(await page.locator('#bar-state').textContent(), 'Not ready');
      assert.equal(await page.locator('#bar-issues').textContent(), '1 error');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      assert.ok(await onScreen(bar), 'still on screen at the bottom');
      // The count leads to the field; a fixed date makes it ready, and Copy copies.
      await page.click('#bar-issues');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-estimatedRepairCompletionAt');
      await page.fill('#f-estimatedRepairCompletionAt', '2030-05-01 09:30');
      await page.locator('#bar-state[data-state="ready"]').waitFor();
      await page.click('#bar-copy');
      await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('repair_eta')));
      assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), await previewJson(page));
      await assertNoAxeViolations(page, 'the sticky bar');
    });
  });

  test('the bar is not shown on a desk, where the JSON column stays in view', async () => {
    await withPortal(SCREENS.desktop, async ({ page }) => {
      assert.ok(await page.locator('#bar').isHidden());
      assert.ok(await onScreen(page.locator('#status')));
    });
  });

  test('after a paste or an example, the result is on screen', async () => {
    await withPortal(phone, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.click('#tab-paste');
      await page.evaluate(() => navigator.clipboard.writeText('{"event": "repair_started", "repairStartedAt": 1767225600}'));
      await page.focus('#paste-input');
      await page.keyboard.press('Control+V');
      await page.locator('#paste-status[data-state="warnings"]').waitFor();
      assert.ok(await onScreen(page.locator('#paste-status')), 'the state is on screen after a paste');
      assert.ok(await onScreen(page.locator('#paste-issues .issue').first()), 'and the first issue');
      assert.equal(await page.locator('#bar-state').getAttribute('data-state'), 'warnings', 'the bar follows the tab');

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Duplicate key' }).click();
      await page.locator('#paste-status[data-state="errors"]').waitFor();
      assert.ok(await onScreen(page.locator('#paste-status')), 'the state is on screen after an example');
    });
  });

  test('long JSON wraps: nothing is cut off, nothing scrolls sideways', async () => {
    await withPortal(phone, async ({ page }) => {
      await page.selectOption('#event-select', 'repair_started');
      await page.fill('#f-notes', 'A-very-long-note-without-spaces-'.repeat(8));
      await page.click('#add-custom');
      await page.locator('.custom-row input[id$="-name"]').fill('partNumbers');
      await page.locator('.custom-row select[id$="-as"]').selectOption('json');
      await page.locator('.custom-row textarea[id$="-value"]').fill(JSON.stringify(Array.from({ length: 12 }, (_, i) => `PN-${1000 + i}`)));
      const preview = await page.locator('#preview').evaluate((n) => ({ scroll: n.scrollWidth, client: n.clientWidth }));
      assert.ok(preview.scroll <= preview.client, `the JSON is ${preview.scroll - preview.client}px wider than its box`);
      const page_ = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(page_ <= 0, `the page is ${page_}px wider than the screen`);
    });
  });

  test('every tap target is at least 44 px, in both modes', async () => {
    await withPortal(phone, async ({ page }) => {
      await page.selectOption('#service-type', 'repair_depot');
      await page.selectOption('#event-select', 'repair_eta');
      await page.check('#f-isDelayed'); // shows "Clear"
      await page.click('#add-custom'); // a "Remove"
      await page.locator('.custom-row input[id$="-name"]').fill('delayreason'); // a fix button
      await page.locator('.custom-row .issue button.fix').waitFor();
      assert.deepEqual(await smallTargets(page), []);
      await page.selectOption('#service-type', 'repair_onsite');
      await page.selectOption('#event-select', 'batched');
      await page.click('#f-availabilityWindows-add'); // a time's "Remove"
      assert.deepEqual(await smallTargets(page), []);
      await page.click('#tab-paste');
      await page.getByRole('button', { name: 'Seconds, not ms' }).click();
      await page.locator('#paste-issues .issue').first().waitFor();
      assert.deepEqual(await smallTargets(page), []);
      await assertNoAxeViolations(page, 'the paste mode on a phone');
    });
  });

  test('a date input is three Tab stops, and "Now" never loses a typed date', async () => {
    await withPortal(phone, async ({ page }) => {
      await page.selectOption('#service-type', 'repair_depot');
      await page.selectOption('#event-select', 'repair_started');
      await page.focus('#f-repairStartedAt');
      const stops = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        stops.push(await page.evaluate(() => document.activeElement?.textContent || document.activeElement?.id));
      }
      assert.deepEqual(stops, ['Pick', 'Now', 'f-notes'], 'the date, Pick, Now, then the next field');

      await page.fill('#f-repairStartedAt', '2030-05-01 09:30');
      await page.focus('#f-repairStartedAt + button + button');
      await page.keyboard.press('Space'); // "Now" over a typed date…
      const now = page.getByRole('button', { name: /^Undo: put back 2030-05-01 09:30/ });
      await now.waitFor();
      assert.notEqual(await page.inputValue('#f-repairStartedAt'), '2030-05-01 09:30');
      assert.equal(await now.textContent(), 'Undo');
      await page.keyboard.press('Space'); // …is one key away from undone
      assert.equal(await page.inputValue('#f-repairStartedAt'), '2030-05-01 09:30');
      assert.equal((await previewJson(page)).repairStartedAt, Date.UTC(2030, 4, 1, 13, 30));
      assert.equal(await page.locator('#f-repairStartedAt + button + button').textContent(), 'Now');
    });
  });
});

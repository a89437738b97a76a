// The servicer portal (www/) in Debian's Chromium, served by scripts/serve.mjs
// and loading the installed package through its browser entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issue, portalSuite, previewJson } from './helpers.mjs';

const { withPortal } = portalSuite({ before, after });
let api;
let catalog;
before(async () => {
  api = await import('servicer-events'); // the Node entry of the same package
  catalog = api.eventCatalog();
});

const DEPOT = 'repair_depot';
const ONSITE = 'repair_onsite';
const orderOf = (serviceType) => ({ serviceType, accepted: true, closed: false });
const eventsOf = (type) => catalog.events.filter((e) => e.serviceType === type).map((e) => e.name);

describe('servicer portal', () => {
  test('loads the package through its browser entry, with no console errors', async () => {
    await withPortal({}, async ({ page, requests }) => {
      assert.ok(requests.includes('/node_modules/servicer-events/browser.js'), 'the browser entry is imported');
      assert.ok(
        !requests.some((p) => p.endsWith('.wasm')),
        'the WebAssembly module comes inlined in the browser entry, not fetched',
      );
      const types = await page.locator('#service-type option').evaluateAll((os) => os.map((o) => o.value));
      assert.deepEqual(types.filter(Boolean), catalog.serviceTypes);
      // The events offered are the catalogue's, for the order's service type.
      await page.selectOption('#service-type', DEPOT);
      const offered = await page.locator('#event-select option').evaluateAll((os) => os.map((o) => o.value));
      assert.deepEqual(offered.slice(0, -1), eventsOf(DEPOT));
      await page.selectOption('#service-type', ONSITE);
      const onsite = await page.locator('#event-select optgroup').first().locator('option').evaluateAll((os) => os.map((o) => o.value));
      assert.deepEqual(onsite, eventsOf(ONSITE));
    });
  });

  test('choosing repair_eta shows its fields, each with a label', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#service-type', DEPOT);
      await page.selectOption('#event-select', 'repair_eta');
      const eta = catalog.events.find((e) => e.name === 'repair_eta');
      const shown = await page.locator('#fields [data-field]').evaluateAll((fs) => fs.map((f) => f.dataset.field));
      assert.deepEqual([...shown].sort(), [...eta.fields].sort());
      assert.equal(await page.locator('#f-estimatedRepairCompletionAt').getAttribute('placeholder'), '2030-05-01 09:30');
      assert.equal(await page.locator('#f-isDelayed').getAttribute('type'), 'checkbox');
      assert.equal(await page.locator('#f-notes').evaluate((n) => n.localName), 'textarea');
      // Every visible input, select and text area has an accessible name.
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea')]
          .filter((n) => n.offsetParent !== null)
          .filter((n) => n.labels.length === 0 && !n.getAttribute('aria-label'))
          .map((n) => n.id || n.outerHTML),
      );
      assert.deepEqual(unlabelled, []);
    });
  });

  test('a wrong value shows its issue next to the field', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#event-select', 'repair_eta');
      await page.fill('#f-estimatedRepairCompletionAt', '1969-07-20 16:17');
      const field = '[data-field="estimatedRepairCompletionAt"]';
      await issue(page, field, 'invalid_timestamp').waitFor();
      assert.equal(await page.locator('#f-estimatedRepairCompletionAt').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#status').getAttribute('data-state'), 'errors');
      assert.equal(await page.locator('#issues-top .issue').count(), 0, 'a field issue is not at the top');
      await page.fill('#f-estimatedRepairCompletionAt', '2030-05-01 09:30');
      await issue(page, field, 'invalid_timestamp').waitFor({ state: 'detached' });
      assert.equal(await page.locator('#status').getAttribute('data-state'), 'ready');
    });
  });

  test('clicking a suggestion fixes a misspelt field name', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#event-select', 'repair_eta');
      await page.click('#add-custom');
      const row = page.locator('.custom-row').first();
      await row.locator('input[id$="-name"]').fill('delayreason');
      await row.locator('[id$="-value"]').fill('Waiting for a part');
      const typo = row.locator('.issue[data-code="possible_typo"]');
      await typo.waitFor();
      await typo.locator('button.fix').click();
      await page.locator('.custom-row').waitFor({ state: 'detached' });
      assert.equal(await page.inputValue('#f-delayReason'), 'Waiting for a part');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-delayReason', 'focus follows the fix');
      assert.equal(await page.locator('.issue').count(), 0);
      assert.equal((await previewJson(page)).delayReason, 'Waiting for a part');
    });
  });

  test('clicking a suggestion fixes a misspelt event name', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#event-select', { index: (await page.locator('#event-select option').count()) - 1 });
      await page.fill('#event-name', 'repair_complete');
      const typo = issue(page, '[data-field="event"]', 'possible_typo');
      await typo.waitFor();
      await typo.locator('button.fix').click();
      await typo.waitFor({ state: 'detached' });
      assert.equal(await page.inputValue('#event-select'), 'repair_completed');
      assert.equal((await previewJson(page)).event, 'repair_completed');
      assert.ok(await page.locator('#f-repairCompletedAt').isVisible(), "the event's fields are shown");
    });
  });

  test('the JSON preview is valid, ready to send, and is what buildEvent returns', async () => {
    await withPortal({}, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.selectOption('#service-type', DEPOT);
      await page.selectOption('#event-select', 'repair_eta');
      await page.fill('#f-estimatedRepairCompletionAt', '2030-05-01 09:30'); // New York time
      await page.check('#f-isDelayed');
      await page.fill('#f-delayReason', 'Waiting for a part');
      await page.fill('#f-notes', 'Customer informed by phone.');
      await page.locator('#status[data-state="ready"]').waitFor();
      const shown = await previewJson(page);
      const expected = api.buildEvent(
        'repair_eta',
        {
          estimatedRepairCompletionAt: '2030-05-01T13:30:00Z',
          isDelayed: true,
          delayReason: 'Waiting for a part',
          notes: 'Customer informed by phone.',
        },
        orderOf(DEPOT),
      );
      assert.deepEqual(shown, expected);
      assert.equal(shown.estimatedRepairCompletionAt, Date.UTC(2030, 4, 1, 13, 30), 'local time, sent in milliseconds');
      assert.equal(Object.keys(shown)[0], 'event');
      const result = api.validateEvent(shown, orderOf(DEPOT));
      assert.equal(result.valid, true);
      assert.deepEqual(result.warnings, []);
      await page.click('#copy');
      await page.locator('#copy-status', { hasText: 'Copied' }).waitFor();
      assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), expected);
    });
  });

  test('a growable list of times and a metadata object', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#service-type', ONSITE);
      await page.selectOption('#event-select', 'batched');
      await page.click('#f-availabilityWindows-add');
      await page.fill('#f-availabilityWindows-0', '2030-05-02 08:00');
      await page.click('#f-availabilityWindows-add');
      await page.fill('#f-availabilityWindows-1', '2030-05-02 13:00');
      assert.deepEqual((await previewJson(page)).availabilityWindows, [
        Date.UTC(2030, 4, 2, 12),
        Date.UTC(2030, 4, 2, 17),
      ]);
      await page.getByRole('button', { name: 'Remove time 1 of Availability windows' }).click();
      assert.deepEqual((await previewJson(page)).availabilityWindows, [Date.UTC(2030, 4, 2, 17)]);

      // An other event carries metadata, typed as JSON.
      await page.selectOption('#event-select', { index: (await page.locator('#event-select option').count()) - 1 });
      await page.fill('#event-name', 'parts_restocked');
      await page.fill('#f-metadata', '{"carrier": ');
      await issue(page, '[data-field="metadata"]', 'invalid_json').waitFor();
      await page.fill('#f-metadata', '{"carrier": "UPS"}');
      await page.locator('#status[data-state="ready"]').waitFor();
      assert.deepEqual((await previewJson(page)).metadata, { carrier: 'UPS' });
    });
  });

  test('switching the service type flags a depot event on an onsite order', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#service-type', DEPOT);
      await page.selectOption('#event-select', 'repair_eta');
      await page.locator('#status[data-state="ready"]').waitFor();
      await page.selectOption('#service-type', ONSITE);
      const flagged = issue(page, '[data-field="event"]', 'event_not_allowed_for_service_type');
      await flagged.waitFor();
      assert.equal(await page.inputValue('#event-select'), 'repair_eta', 'the chosen event stays');
      assert.equal(await page.locator('#status').getAttribute('data-state'), 'errors');
      assert.equal(
        api.validateEvent({ event: 'repair_eta' }, orderOf(ONSITE)).errors[0].code,
        'event_not_allowed_for_service_type',
      );
      // The order's own state is checked too.
      await page.uncheck('#accepted');
      await issue(page, '#issues-top', 'order_not_accepted').waitFor();
      await page.check('#accepted');
      // One click puts the order back to the event's service type.
      await flagged.locator('button.fix').click();
      await flagged.waitFor({ state: 'detached' });
      assert.equal(await page.inputValue('#service-type'), DEPOT);
      assert.equal(await page.locator('#status').getAttribute('data-state'), 'ready');
    });
  });

  test('strict checks flag unlisted fields; an unknown service type skips the service-type rule', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#event-select', 'repair_started');
      await page.click('#add-custom');
      await page.locator('.custom-row input[id$="-name"]').fill('technicianId');
      await page.locator('.custom-row [id$="-value"]').fill('T-1042');
      await page.locator('#status[data-state="ready"]').waitFor();
      assert.equal(await page.locator('.custom-row .issue').count(), 0, 'an unlisted field is accepted');
      await page.check('#strict');
      await issue(page, '.custom-row', 'unknown_field').waitFor();
      assert.equal(await page.locator('#status').getAttribute('data-state'), 'errors');
      await page.uncheck('#strict');
      await issue(page, '.custom-row', 'unknown_field').waitFor({ state: 'detached' });
      // A __proto__ key is sent as a key (not taken as the prototype), and refused.
      await page.locator('.custom-row input[id$="-name"]').fill('__proto__');
      await issue(page, '.custom-row', 'forbidden_key').waitFor();
      await page.locator('.custom-row input[id$="-name"]').fill('technicianId');

      await page.selectOption('#service-type', '');
      assert.ok(await page.locator('#accepted').isDisabled(), 'no order, so nothing to accept');
      const offered = await page.locator('#event-select option').evaluateAll((os) => os.map((o) => o.value));
      assert.deepEqual(offered.slice(0, -1), catalog.events.map((e) => e.name), 'every event, grouped by service type');
      await page.selectOption('#event-select', eventsOf(ONSITE)[0]);
      await page.locator('#status[data-state="ready"]').waitFor();
    });
  });

  test('the paste mode checks a raw body and reports duplicate and __proto__ keys', async () => {
    await withPortal({}, async ({ page }) => {
      await page.click('#tab-paste');
      assert.ok(await page.locator('#panel-paste').isVisible());
      assert.ok(await page.locator('#panel-build').isHidden());
      await page.fill(
        '#paste-input',
        '{"event": "repair_started", "repairStartedAt": 1767225600000, "repairStartedAt": 1767225600001}',
      );
      await page.locator('#paste-issues .issue[data-code="duplicate_key"][data-path="/repairStartedAt"]').waitFor();
      assert.equal(await page.locator('#paste-status').getAttribute('data-state'), 'errors');
      await page.fill('#paste-input', '{"event": "parts_restocked", "metadata": {"__proto__": {"isAdmin": true}}}');
      await page.locator('#paste-issues .issue[data-code="forbidden_key"]').waitFor();
      await page.fill('#paste-input', '{"event": "repair_started", "repairStartedAt": 1767225600000}');
      await page.locator('#paste-status[data-state="ready"]').waitFor();
      assert.equal(await page.locator('#paste-issues .issue').count(), 0);
      // The examples come from the catalogue and are checked at once.
      await page.getByRole('button', { name: 'Duplicate key' }).click();
      await page.locator('#paste-issues .issue[data-code="duplicate_key"]').waitFor();
    });
  });

  test('the built event can be checked as a raw body', async () => {
    await withPortal({}, async ({ page }) => {
      await page.selectOption('#event-select', 'repair_eta');
      await page.check('#f-isDelayed');
      await page.click('#to-paste');
      await page.locator('#paste-status[data-state="ready"]').waitFor();
      assert.deepEqual(JSON.parse(await page.inputValue('#paste-input')), await previewJson(page));
    });
  });

  test('keyboard: a sensible focus order, and arrow keys move between the tabs', async () => {
    await withPortal({}, async ({ page }) => {
      const order = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className));
      }
      assert.deepEqual(order, ['skip', 'service-type', 'accepted', 'closed', 'strict', 'tab-build', 'start-over', 'event-select']);
      await page.focus('#tab-build');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-paste');
      assert.ok(await page.locator('#panel-paste').isVisible());
      await page.keyboard.press('ArrowLeft');
      assert.ok(await page.locator('#panel-build').isVisible());
    });
  });
});

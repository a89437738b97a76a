// Point 1 of the second round: fixes in paste mode. Each fault the package
// locates is marked in the text, the cursor goes to the first one, each
// suggestion is one click that rewrites the text there and nowhere else (and
// Ctrl+Z undoes it), and "Fix all" gives what fixEvent gives.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, onScreen, portalSuite, SCREENS } from './helpers.mjs';

const { withPortal, api } = portalSuite({ before, after });

const DEPOT = { serviceType: 'repair_depot', accepted: true, closed: false };
const ONSITE = { serviceType: 'repair_onsite', accepted: true, closed: false };

// A body with one mistake, the fault as written, and what replaces it.
const MISTAKES = [
  [DEPOT, '{"event": "repair_complete", "repairCompletedAt": 1767225600000}', '"repair_complete"', '"repair_completed"'],
  [DEPOT, '{"event": "Product_Received"}', '"Product_Received"', '"product_received"'],
  [DEPOT, '{"event": "repair_started", "repairStartedAt": 1767225600}', '1767225600', '1767225600000'],
  [DEPOT, '{"event": "product_received",\n  "recievedBy": "Ana"}', '"recievedBy"', '"receivedBy"'],
  [ONSITE, '{"event": "part_management", "partManagementEventType": "Parts_Ordered"}', '"Parts_Ordered"', '"parts_ordered"'],
  [ONSITE, '{"event": "customer_contact", "method": "email-and-phone"}', '"email-and-phone"', '"email_and_phone"'],
  [ONSITE, '{"event": "customer_contact", "appointmentTimestamps": [1767225600000, 1767312000]}', '1767312000', '1767312000000'],
  // Characters outside the BMP before the fault: offsets are UTF-16, as JS counts.
  [DEPOT, '{"notes": "café ✓ 😀 𝄞", "event": "repair_complete"}', '"repair_complete"', '"repair_completed"'],
];

async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.fill('#paste-input', '');
  await page.focus('#paste-input');
  await page.keyboard.press('Control+V');
  await page.locator('#paste-status:not([data-state=""])').waitFor();
}

for (const [screen, size] of Object.entries(SCREENS)) {
  describe(`fixes in paste mode (${screen})`, () => {
    test('each mistake: marked, the cursor on it, one click fixes it there, Ctrl+Z undoes it', async () => {
      await withPortal(size, async ({ page, context }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.click('#tab-paste');
        for (const [order, body, fault, fixed] of MISTAKES) {
          await page.selectOption('#service-type', order.serviceType);
          await paste(page, body);
          const start = body.indexOf(fault);
          const item = page.locator('#paste-issues .issue').filter({ has: page.locator('button.fix') });
          assert.equal(await item.count(), 1, `one fix offered for ${body}`);
          // The fault is marked behind the text, and the cursor is on it.
          assert.deepEqual(await page.locator('#paste-marks mark').allTextContents(), [fault], body);
          const selection = await page.$eval('#paste-input', (n) => [n.selectionStart, n.selectionEnd]);
          assert.deepEqual(selection, [start, start + fault.length], `the fault is selected in ${body}`);
          if (screen === 'phone') assert.ok(await onScreen(page.locator('#paste-status')), 'the result is in view');

          await item.locator('button.fix').click();
          const want = body.slice(0, start) + fixed + body.slice(start + fault.length);
          await page.waitForFunction((w) => document.getElementById('paste-input').value === w, want);
          await page.locator('#paste-status[data-state="ready"]').waitFor();
          assert.equal(await page.locator('#paste-marks mark').count(), 0);
          await page.keyboard.press('Control+Z');
          await page.waitForFunction((b) => document.getElementById('paste-input').value === b, body);
        }
      });
    });

    test('"Show" selects the fault; "Fix all" gives what fixEvent gives, layout kept', async () => {
      await withPortal(size, async ({ page, context }) => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        await page.selectOption('#service-type', 'repair_depot');
        await page.click('#tab-paste');
        const body = [
          '{',
          '  "event": "product_recieved",',
          '  "recievedBy": "Ana",',
          '  "receptionDat": 1767225600,',
          '  "notes": "Box dented"',
          '}',
        ].join('\n');
        await paste(page, body);
        assert.equal(await page.locator('#paste-status').getAttribute('data-state'), 'warnings');
        await assertNoAxeViolations(page, `marked faults, ${screen}`);

        const typo = page.locator('#paste-issues .issue[data-path="/recievedBy"]');
        await typo.locator('button.show').click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste-input');
        const at = body.indexOf('"recievedBy"');
        assert.deepEqual(await page.$eval('#paste-input', (n) => [n.selectionStart, n.selectionEnd]), [at, at + 12]);

        await page.click('#fix-all');
        await page.locator('#paste-status[data-state="ready"]').waitFor();
        const text = await page.inputValue('#paste-input');
        assert.equal(
          text,
          body
            .replace('"product_recieved"', '"product_received"')
            .replace('"recievedBy"', '"receivedBy"')
            .replace('"receptionDat": 1767225600,', '"receptionDate": 1767225600000,'),
          'only the faults changed: the lines, the spaces and the order are the same',
        );
        assert.deepEqual(JSON.parse(text), api().fixEvent(JSON.parse(body), DEPOT).event);
        assert.ok(await page.locator('#fix-all').isHidden());

        // A fixed body goes into the form.
        await page.click('#load-form');
        assert.equal(await page.inputValue('#event-select'), 'product_received');
        assert.equal(await page.inputValue('#f-receivedBy'), 'Ana');
        assert.equal(await page.inputValue('#f-receptionDate'), '2025-12-31 19:00');
        await page.locator('#status[data-state="ready"]').waitFor();
      });
    });
  });
}

test('JSON typed in the form: "Show" selects the fault the package located', async () => {
  await withPortal(SCREENS.desktop, async ({ page }) => {
    await page.selectOption('#event-select', '(other)');
    await page.fill('#event-name', 'parts_restocked');
    const text = '{\n  "carrier": "UPS",\n  "carrier": "DHL"\n}';
    await page.fill('#f-metadata', text);
    const duplicate = page.locator('#summary .issue[data-code="duplicate_key"]');
    await duplicate.locator('button.show').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-metadata');
    const second = text.lastIndexOf('"carrier"');
    assert.deepEqual(await page.$eval('#f-metadata', (n) => [n.selectionStart, n.selectionEnd]), [second, second + 9]);
  });
});

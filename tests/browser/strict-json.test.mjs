// Point 4 of the second round: JSON typed into an extra field or metadata is
// read as strictly as a pasted body (duplicate keys, numbers JavaScript would
// round, the package's own messages), and the wrong input is outlined.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoAxeViolations, issue, portalSuite, previewJson, SCREENS } from './helpers.mjs';

const { withPortal, api } = portalSuite({ before, after });

async function otherEvent(page) {
  await page.selectOption('#event-select', '(other)');
  await page.fill('#event-name', 'parts_restocked');
}

for (const [screen, size] of Object.entries(SCREENS)) {
  describe(`strict JSON in the form (${screen})`, () => {
    test('metadata: a duplicate key, a long number, a syntax mistake, in the package words', async () => {
      await withPortal(size, async ({ page }) => {
        await otherEvent(page);
        const field = '[data-field="metadata"]';

        await page.fill('#f-metadata', '{"a": 1, "a": 2}');
        const duplicate = issue(page, field, 'duplicate_key');
        await duplicate.waitFor();
        assert.equal(await duplicate.getAttribute('data-path'), '/metadata/a');
        const expected = api()
          .validateEventJson('{"event":"parts_restocked","metadata":{"a": 1, "a": 2}}')
          .errors.find((i) => i.code === 'duplicate_key').message;
        assert.equal(await duplicate.locator('.msg').textContent(), expected, "the package's own message");
        assert.equal(await page.locator('#f-metadata').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#status').getAttribute('data-state'), 'errors');
        assert.equal((await previewJson(page)).metadata, undefined, 'a value with a duplicate key is not sent');

        await page.fill('#f-metadata', '{"serial": 12345678901234567890}');
        const inexact = issue(page, field, 'inexact_number');
        await inexact.waitFor();
        assert.match(await inexact.locator('.msg').textContent(), /12345678901234567890 .* sent as 12345678901234567168/);

        await page.fill('#f-metadata', "{'carrier': 'UPS'}");
        const syntax = issue(page, field, 'invalid_json');
        await syntax.waitFor();
        const words = api().validateEventJson("{'carrier': 'UPS'}").errors[0].message;
        assert.equal(await syntax.locator('.msg').textContent(), words, 'not the browser JSON.parse message');
        await assertNoAxeViolations(page, `a metadata issue, ${screen}`);

        await page.fill('#f-metadata', '{"serial": "12345678901234567890"}');
        await page.locator('#status[data-state="ready"]').waitFor();
        assert.deepEqual((await previewJson(page)).metadata, { serial: '12345678901234567890' });
      });
    });

    test('extra fields: the value outlined for a bad value, the name for a bad name', async () => {
      await withPortal(size, async ({ page }) => {
        await page.selectOption('#event-select', 'repair_started');
        await page.click('#add-custom');
        const row = page.locator('.custom-row').first();
        const name = row.locator('input[id$="-name"]');
        await name.fill('technician');
        await row.locator('select[id$="-as"]').selectOption('json');
        const value = row.locator('textarea[id$="-value"]');
        await value.fill('{"id": 7, "id": 8}');
        await issue(page, '.custom-row', 'duplicate_key').waitFor();
        assert.equal(await issue(page, '.custom-row', 'duplicate_key').getAttribute('data-path'), '/technician/id');
        assert.equal(await value.getAttribute('aria-invalid'), 'true', 'the value is outlined');
        assert.equal(await name.getAttribute('aria-invalid'), null, 'not the name');

        await value.fill('[1, 2');
        await issue(page, '.custom-row', 'invalid_json').waitFor();
        assert.equal(await value.getAttribute('aria-invalid'), 'true');
        assert.equal(await name.getAttribute('aria-invalid'), null);

        await value.fill('{"id": 7}');
        await page.locator('#status[data-state="ready"]').waitFor();
        assert.deepEqual((await previewJson(page)).technician, { id: 7 });

        // Strict checks: an unlisted field's name is what is wrong.
        await page.check('#strict');
        await issue(page, '.custom-row', 'unknown_field').waitFor();
        assert.equal(await name.getAttribute('aria-invalid'), 'true', 'the name is outlined');
        assert.equal(await value.getAttribute('aria-invalid'), null, 'not the value');
        await assertNoAxeViolations(page, `an extra field issue, ${screen}`);
      });
    });
  });
}

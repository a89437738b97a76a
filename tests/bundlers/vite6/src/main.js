// The README's portal example through the package's default entry; the test
// in tests/bundlers/ reads window.result.
import { validateEvent, buildEvent } from 'servicer-events';

const order = { serviceType: 'repair_depot', accepted: true, closed: false };
const checked = validateEvent({ event: 'repair_eta', estimatedRepairCompletionAt: 1764064800, isDelayed: 'no' }, order);
const built = buildEvent('repair_eta', { estimatedRepairCompletionAt: '2026-12-01T14:00:00Z', isDelayed: false }, order);

window.result = { checked, body: JSON.stringify(built) };
document.getElementById('result').textContent = JSON.stringify(window.result, null, 2);

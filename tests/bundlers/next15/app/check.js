'use client';
// The README's portal example in a client component: rendered on the server
// (#rendered in the HTML) and again in the browser (window.result).
import { useEffect } from 'react';
import { validateEvent, buildEvent } from 'servicer-events';

const order = { serviceType: 'repair_depot', accepted: true, closed: false };

function check() {
  const checked = validateEvent({ event: 'repair_eta', estimatedRepairCompletionAt: 1764064800, isDelayed: 'no' }, order);
  const built = buildEvent('repair_eta', { estimatedRepairCompletionAt: '2026-12-01T14:00:00Z', isDelayed: false }, order);
  return { checked, body: JSON.stringify(built) };
}

export default function Check() {
  useEffect(() => {
    window.result = check();
  }, []);
  return <pre id="rendered">{JSON.stringify(check())}</pre>;
}

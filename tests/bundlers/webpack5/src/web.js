// The opt-in entry, the .wasm placed by webpack (an asset module via `new URL`);
// the test reads window.webResult.
import { init, validateEvent } from 'servicer-events/web';

init(new URL('servicer-events/servicer_events.wasm', import.meta.url)).then(() => {
  window.webResult = validateEvent({ event: 'repair_started' }, { serviceType: 'repair_depot', accepted: true });
});

// The opt-in entry, the .wasm placed by Vite (`?url`); the test reads window.webResult.
import { init, validateEvent } from 'servicer-events/web';
import wasmUrl from 'servicer-events/servicer_events.wasm?url';

init(wasmUrl).then(() => {
  window.webResult = validateEvent({ event: 'repair_started' }, { serviceType: 'repair_depot', accepted: true });
});

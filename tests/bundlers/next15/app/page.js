// A server component (the `react-server` layer) that checks an event itself and
// renders the client component, which the server renders too, then hydrates.
import { validateEvent } from 'servicer-events';
import Check from './check';

export default function Page() {
  const server = validateEvent({ event: 'repair_started' }, { serviceType: 'repair_depot', accepted: true });
  return (
    <main>
      <pre id="server-component">{JSON.stringify(server)}</pre>
      <Check />
    </main>
  );
}

// Validation alone, in workerd: reads the body once, then does one thing
// with it `?calls=N` times (N = 0 measures everything else): `validate`
// (validateEventJson, the default), `copy` (into a kept buffer: the copy the
// library makes into its memory) or `decode` (a fatal UTF-8 decode: what the
// example does to forward a valid body).
import { validateEventJson } from 'servicer-events';

/** Large enough for the bench's body; kept, so a copy allocates nothing. */
const target = new Uint8Array(2 << 20);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export default {
  async fetch(request) {
    const params = new URL(request.url).searchParams;
    const calls = Number(params.get('calls') ?? 0);
    const mode = params.get('mode') ?? 'validate';
    const bytes = new Uint8Array(await request.arrayBuffer());
    let seen = 0;
    for (let i = 0; i < calls; i += 1) {
      if (mode === 'copy') {
        target.set(bytes);
        seen += target[i];
      } else if (mode === 'decode') {
        seen += utf8.decode(bytes).length;
      } else {
        seen += validateEventJson(bytes).valid ? 1 : 0;
      }
    }
    return new Response(String(seen));
  },
};

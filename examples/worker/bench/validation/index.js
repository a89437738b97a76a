// Validation alone, in workerd: reads the body once, then validates it
// `?calls=N` times (N = 0 measures everything but validation).
import { validateEventJson } from 'servicer-events';

export default {
  async fetch(request) {
    const calls = Number(new URL(request.url).searchParams.get('calls') ?? 0);
    const bytes = new Uint8Array(await request.arrayBuffer());
    let valid = 0;
    for (let i = 0; i < calls; i += 1) valid += validateEventJson(bytes).valid ? 1 : 0;
    return new Response(String(valid));
  },
};

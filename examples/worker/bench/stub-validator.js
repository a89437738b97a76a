// A stand-in for 'servicer-events' that accepts every body without looking
// at it. The bench and the CPU test build the example Worker with it
// (wrangler `[alias]`) to measure what the Worker itself costs (reading the
// body, forwarding the bytes) apart from the library's validation.
export function validateEventJson() {
  return { valid: true, kind: 'other', errors: [], warnings: [] };
}

/** The library's default body limit, which the Worker takes as its own. */
export function eventCatalog() {
  return { limits: { maxBodyBytes: 1_048_576 } };
}

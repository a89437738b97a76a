// The baseline of the CPU bench: forwards every request to the upstream as
// the example Worker forwards a valid event (same path, query, headers and
// body), without reading or validating anything.
export default {
  /**
   * @param {Request} request
   * @param {{ UPSTREAM_ORIGIN: string }} env
   */
  fetch(request, env) {
    const url = new URL(request.url);
    return fetch(new URL(url.pathname + url.search, env.UPSTREAM_ORIGIN), {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
    });
  },
};

/** The service order is not usable: the Worker answers 400. */
export class ServiceOrderLookupError extends Error {}

const SERVICE_TYPES = new Set(['repair_depot', 'repair_onsite']);

/**
 * The service order the event is for, as `validateEventJson` takes it, or
 * `undefined` when it is not known (then only the field rules are checked).
 *
 * This example trusts the client's `X-Service-Type` header. A servicer that
 * knows its orders replaces this function with a real lookup, for example:
 *
 *   const id = new URL(request.url).pathname.split('/')[2];
 *   const order = await env.SERVICE_ORDERS.get(id, 'json'); // a KV namespace
 *   return order && { serviceType: order.serviceType, accepted: order.accepted, closed: order.closed };
 *
 * @param {Request} request
 * @param {unknown} _env
 * @returns {Promise<{ serviceType: 'repair_depot' | 'repair_onsite', accepted?: boolean, closed?: boolean } | undefined>}
 */
export async function lookupServiceOrder(request, _env) {
  const serviceType = request.headers.get('X-Service-Type');
  if (serviceType === null) return undefined;
  const trimmed = serviceType.trim();
  if (!SERVICE_TYPES.has(trimmed)) {
    throw new ServiceOrderLookupError(
      'X-Service-Type must be repair_depot or repair_onsite when it is sent.',
    );
  }
  return { serviceType: trimmed };
}

// What the form needs from eventCatalog(): the page lists nothing by itself,
// every event, field, type and enum value comes from the package.
//
// eventCatalog() returns plain data:
//   serviceTypes: ['repair_depot', ...]
//   events:      [{ name, kind, serviceType, description, fields: [name, ...] }]
//   otherEvent:  { kind: 'other', fields: [name, ...] }
//   fields:      [{ name, type, values?, expected, description, listedOn }]
//     where listedOn is 'every', 'other', a listed event's name, or the other
//     event the reference shows the field on (repairShippedAt: 'repair_shipped').

/** @typedef {{ name: string, type: string, values: string[], description: string, listedOn: string }} Field */

/** Wraps the package's catalogue with the lookups the form uses. */
export function readCatalog(raw) {
  /** @type {Map<string, Field>} */
  const fields = new Map(
    raw.fields.map((f) => [
      f.name,
      { name: f.name, type: f.type, values: f.values ?? [], description: f.description ?? '', listedOn: f.listedOn },
    ]),
  );
  const events = raw.events;
  const event = (name) => events.find((e) => e.name === name);
  const byName = (name) => fields.get(name) ?? { name, type: 'string', values: [], description: '', listedOn: '' };

  /**
   * The fields the form shows for an event name: a listed event's own, or
   * those of other events; a field the reference shows on one other event
   * only for that name. Those every event carries (notes) come last.
   */
  function fieldsFor(name) {
    const listed = event(name);
    const names = (listed ?? raw.otherEvent).fields.filter((n) => {
      const on = fields.get(n)?.listedOn;
      return listed || on === 'every' || on === 'other' || on === name;
    });
    const every = names.filter((n) => fields.get(n)?.listedOn === 'every');
    return [...names.filter((n) => !every.includes(n)), ...every].map(byName);
  }

  return { serviceTypes: raw.serviceTypes, events, fields, event, fieldsFor };
}

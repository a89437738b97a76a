// One-click fixes in the form: an issue's suggestion put where it belongs
// (the event select, a field's input, an extra field's name or value), and
// the order's service type switched for an event of the other type.
import { idSafe, pointerSegments } from './dom.js';
import { formatTyped } from './when.js';

/**
 * Returns `fixFor(issue, target)`: `{ label, ariaLabel, apply }` or null.
 * `ctx` holds the form's state and the calls that re-render it.
 */
export function formFixes(ctx) {
  const { catalog, state, currentEventName, setEvent, switchServiceType, renderCustom, rerenderCustom, rerenderFields } = ctx;
  return function fixFor(issue, target) {
    const name = currentEventName();
    if (issue.path === '/event') {
      if (issue.code === 'event_not_allowed_for_service_type') {
        const event = catalog.event(name);
        if (!event) return null;
        return {
          label: `Switch the order to ${event.serviceType}`,
          apply: () => switchServiceType(event.serviceType),
        };
      }
      if (issue.suggestion === undefined) return null;
      return fixButton(issue.suggestion, name, () => setEvent(issue.suggestion));
    }
    if (issue.suggestion === undefined) return null;
    const s = issue.suggestion;
    const [key] = pointerSegments(issue.path);
    const row = target?.row;
    if (row && issue.code === 'possible_typo' && !catalog.fields.has(key)) {
      // The field's name is a near miss: rename it, into the form's own input when it has one.
      const field = catalog.fieldsFor(name).find((f) => f.name === s);
      if (field && state.values[s] === undefined && row.as === 'text' && ['string', 'enum'].includes(field.type)) {
        return fixButton(s, key, () => {
          state.values[s] = row.value;
          state.custom.splice(state.custom.indexOf(row), 1);
          renderCustom();
          rerenderFields(`f-${idSafe(s)}`);
        });
      }
      return fixButton(s, key, () => {
        row.name = s;
        rerenderCustom(`c-${row.id}-name`);
      });
    }
    if (row) {
      return fixButton(s, row.value, () => {
        row.value = row.as === 'json' && !isJson(s) ? JSON.stringify(s) : s;
        rerenderCustom(`c-${row.id}-value`);
      });
    }
    const field = catalog.fields.get(key);
    if (field?.type === 'timestamp' && issue.code === 'timestamp_in_seconds' && state.values[key] !== undefined) {
      const typed = formatTyped(Number(s));
      return fixButton(typed, state.values[key], () => {
        state.values[key] = typed;
        rerenderFields(`f-${idSafe(key)}`);
      });
    }
    if (field && ['string', 'enum'].includes(field.type) && pointerSegments(issue.path).length === 1) {
      return fixButton(s, state.values[key], () => {
        state.values[key] = s;
        rerenderFields(`f-${idSafe(key)}`);
      });
    }
    return null;
  };

}

function fixButton(suggestion, was, apply) {
  return {
    label: `Use ${suggestion}`,
    ariaLabel: `Fix: use ${suggestion}${was ? ` instead of ${was}` : ''}`,
    apply,
  };
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}


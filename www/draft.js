// The work survives a reload: the draft in localStorage, the open tab in the
// URL hash. A draft is the user's own input, read back with care: a value of
// the wrong shape (an older page, a hand edit) is dropped, never trusted.

const KEY = 'servicer-portal:draft:v1';

/** The saved draft, or null. */
export function loadDraft() {
  let raw;
  try {
    raw = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const text = (v) => (typeof v === 'string' ? v : '');
  const values = {};
  for (const [name, v] of Object.entries(raw.values ?? {})) {
    if (typeof v === 'string' || typeof v === 'boolean') values[name] = v;
    else if (Array.isArray(v) && v.every((s) => typeof s === 'string')) values[name] = v;
  }
  const custom = (Array.isArray(raw.custom) ? raw.custom : [])
    .filter((r) => r && typeof r === 'object')
    .map((r) => ({ name: text(r.name), value: text(r.value), as: r.as === 'json' ? 'json' : 'text' }));
  const order = raw.order && typeof raw.order === 'object' ? raw.order : {};
  return {
    order: {
      serviceType: text(order.serviceType),
      accepted: order.accepted !== false,
      closed: order.closed === true,
      strict: order.strict === true,
    },
    eventChoice: text(raw.eventChoice),
    otherName: text(raw.otherName),
    values,
    custom,
    paste: text(raw.paste),
  };
}

/** Saves the draft; a full or disabled storage only means no draft. */
export function saveDraft(draft) {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full quota: the page still works, without a draft.
  }
}

export function clearDraft() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}

const TABS = ['build', 'paste'];

/** The tab the URL names (`#paste`), or 'build'. */
export function tabFromHash() {
  const name = location.hash.slice(1);
  return TABS.includes(name) ? name : 'build';
}

/** Puts the tab in the URL without a history entry per click. */
export function tabToHash(name) {
  if (location.hash.slice(1) !== name) history.replaceState(null, '', `#${name}`);
}

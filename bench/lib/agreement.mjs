// Before anything is timed: every case must give the package's verdict
// (validateEvent on the object) for every generated item, and that verdict must
// be the one the generator meant. Without the package, the generator's intent
// is the reference.

import { verdictFn } from './cases.mjs';

const verdictName = (v) => (v === true ? 'valid' : v === false ? 'invalid' : v);

/**
 * Returns { ok, disagreements, summary, report } where `report` is a printable
 * text naming each disagreeing case and showing the events (at most `show`).
 * `explain(it)`: the package's issues for an item, as text (optional).
 */
export function checkAgreement(items, cases, { explain, show = 8 } = {}) {
  const checked = cases.filter((c) => !c.noVerdict && !c.error);
  const fns = checked.map((c) => ({ c, fn: verdictFn(c) }));
  const reference = fns.find(({ c }) => c.id === 'pkg-object');
  const perCase = new Map(checked.map((c) => [c.id, 0]));
  let intentMismatches = 0;
  const shown = [];
  let disagreements = 0;

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const verdicts = fns.map(({ c, fn }) => {
      try {
        return { c, v: fn(it) };
      } catch (e) {
        return { c, v: `threw ${e?.name ?? ''}: ${e?.message ?? e}` };
      }
    });
    const intended = it.intent === 'valid';
    const ref = reference ? verdicts.find((x) => x.c === reference.c).v : intended;
    const wrong = verdicts.filter((x) => x.v !== ref);
    const intentWrong = ref !== intended;
    for (const x of wrong) perCase.set(x.c.id, perCase.get(x.c.id) + 1);
    if (intentWrong) intentMismatches++;
    if (!wrong.length && !intentWrong) continue;
    disagreements++;
    if (shown.length < show) {
      const lines = [
        `item ${i} (generator meant ${it.intent}; order ${it.order ? JSON.stringify(it.order) : 'none'}):`,
        `  ${truncate(it.json, 400)}`,
        `  reference (${reference ? 'validateEvent' : 'generator intent'}): ${verdictName(ref)}`,
      ];
      const groups = new Map();
      for (const x of wrong) {
        const key = verdictName(x.v);
        groups.set(key, [...(groups.get(key) ?? []), `${x.c.label} [${x.c.input}]`]);
      }
      for (const [v, names] of groups) lines.push(`  ${v}: ${names.join(', ')}`);
      if (intentWrong && reference) lines.push(`  the generator meant ${it.intent}`);
      if (explain) lines.push(`  package issues: ${explain(it)}`);
      shown.push(lines.join('\n'));
    }
  }

  const errors = cases.filter((c) => c.error).map((c) => `${c.label}: could not be built: ${c.error.message}`);
  const summary = [];
  for (const [id, n] of perCase) {
    if (n) summary.push(`${cases.find((c) => c.id === id).label} [${cases.find((c) => c.id === id).input}] disagrees on ${n} of ${items.length}`);
  }
  if (intentMismatches) summary.push(`the reference disagrees with the generator's intent on ${intentMismatches} of ${items.length}`);
  const ok = disagreements === 0 && errors.length === 0;
  const report = ok
    ? `agreement: ${checked.length} cases agree on all ${items.length} items`
    : ['agreement FAILED:', ...errors.map((e) => `  ${e}`), ...summary.map((s) => `  ${s}`), '', ...shown].join('\n');
  return { ok, disagreements, perCase, intentMismatches, errors, report, checkedCases: checked.length };
}

/** The package's issues for an item, short: "invalid_type /receptionDate; …". */
export function explainWith(validateEvent) {
  return (it) => {
    try {
      const r = validateEvent(it.event, it.order);
      const fmt = (xs) => xs.map((x) => `${x.code} ${x.path || '""'}`).join('; ') || 'none';
      return `valid=${r.valid} errors: ${fmt(r.errors)} | warnings: ${fmt(r.warnings)}`;
    } catch (e) {
      return `validateEvent threw ${e?.name}: ${e?.message}`;
    }
  };
}

function truncate(s, n) {
  return s.length <= n ? s : `${s.slice(0, n)}… (${s.length} chars)`;
}

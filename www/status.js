// The state of an event in three words, never a green tick over a mistake:
// ready (no issues at all), check the warnings (it would be accepted, but
// something looks wrong: amber), not ready (errors: it would be refused).

/** 'ready', 'warnings' or 'errors'. */
export function stateOf({ errors, warnings }) {
  if (errors.length > 0) return 'errors';
  return warnings.length > 0 ? 'warnings' : 'ready';
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The counts in words: `1 error, 2 warnings`. */
export function counts({ errors, warnings }) {
  const parts = [];
  if (errors.length) parts.push(plural(errors.length, 'error'));
  if (warnings.length) parts.push(plural(warnings.length, 'warning'));
  return parts.join(', ');
}

/** The sentence for a state: what it means for sending, then the counts. */
export function stateText(result) {
  const { kind } = result;
  switch (stateOf(result)) {
    case 'ready':
      return `Ready to send${kind ? `: ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} event` : ''}.`;
    case 'warnings':
      return `Check the warnings: ${plural(result.warnings.length, 'warning')}. It would be accepted, but it looks wrong.`;
    default:
      return `Not ready to send: ${counts(result)}.`;
  }
}

/** A short label for the phone's sticky bar. */
export function shortText(result) {
  return { ready: 'Ready', warnings: 'Check warnings', errors: 'Not ready' }[stateOf(result)];
}

/** Shows a state on an element: its sentence and `data-state` for the colour and sign. */
export function showState(node, result) {
  node.dataset.state = stateOf(result);
  node.textContent = stateText(result);
}

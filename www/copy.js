// Copying what the user worked on: through the clipboard API, or by selecting
// it when the page may not write the clipboard. An event that would be refused
// is copied only after the user says so.
import { counts, stateOf } from './status.js';

/**
 * Copies `text`; `select()` selects it on the page for the fallback.
 * Resolves to whether it was copied.
 */
export async function copyText(text, select) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or no secure context): copy the selection instead.
    select();
    return document.execCommand('copy');
  }
}

/**
 * Asks in a modal dialog whether to copy an event that is not ready;
 * resolves to true for "Copy anyway". Escape and "Cancel" say no.
 */
export function confirmCopy(dialog, result) {
  dialog.querySelector('#copy-confirm-text').textContent =
    `It has ${counts(result)}: the backend would refuse it as it is. ` +
    'Copy it anyway, to fix it elsewhere?';
  return new Promise((resolve) => {
    const done = (answer) => () => {
      dialog.close(answer);
    };
    const anyway = dialog.querySelector('#copy-anyway');
    const cancel = dialog.querySelector('#copy-cancel');
    const yes = done('copy');
    const no = done('cancel');
    anyway.addEventListener('click', yes);
    cancel.addEventListener('click', no);
    dialog.addEventListener(
      'close',
      () => {
        anyway.removeEventListener('click', yes);
        cancel.removeEventListener('click', no);
        resolve(dialog.returnValue === 'copy');
      },
      { once: true },
    );
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/**
 * The whole copy step: ask first when there are errors, copy, and say what
 * happened in `status` (warnings are named: a copy is not a green light).
 */
export async function copyChecked({ result, text, select, dialog, status }) {
  const state = result ? stateOf(result) : 'ready';
  if (state === 'errors' && !(await confirmCopy(dialog, result))) {
    status.textContent = 'Not copied.';
    return false;
  }
  const done = await copyText(text, select);
  if (!done) {
    status.textContent = 'Select the JSON and copy it.';
  } else if (state === 'ready') {
    status.textContent = 'Copied.';
  } else {
    status.textContent = `Copied, with ${counts(result)} to fix.`;
  }
  return done;
}

//! The text to check, written by JS straight into a buffer the module keeps
//! (`reserveInput`, then `checkInput`), instead of wasm-bindgen's copy into a
//! fresh allocation that is freed after each call. A small body then costs
//! no allocation at all, and a string is encoded once, by
//! `TextEncoder.encodeInto`, directly into module memory (the tape of a
//! plain JS value is copied in from the buffer `pkg/api.js` wrote it in).

use std::cell::Cell;

use wasm_bindgen::prelude::*;

/// A buffer up to this size, the default `maxBodyBytes`, is kept for the
/// next call; a larger one (under a raised limit) is freed after its call,
/// so no call leaves the module holding more than a body of the default
/// limit. Kept up to the limit, not only small ones, because a
/// service that gets large bodies gets them again: freed after each call, a
/// 1 MiB buffer was taken and zeroed again on the next.
const KEPT_BYTES: usize = crate::options::DEFAULT_MAX_BODY_BYTES;

thread_local! {
    static INPUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// The address of a buffer of at least `length` bytes in module memory, for
/// JS to write the text of the next `checkInput` into. It may grow the
/// memory: JS takes its view of the memory after this call.
#[wasm_bindgen(js_name = reserveInput)]
pub fn reserve_input(length: usize) -> usize {
    INPUT.with(|cell| {
        let mut buffer = cell.take();
        if buffer.len() < length {
            // Zeroed only when it grows: the length stays at the size reached.
            // Exactly the size asked for, not doubled (so a body of the
            // default limit stays under `KEPT_BYTES`), and the old buffer
            // freed first, its contents not copied: JS overwrites them.
            drop(buffer);
            buffer = vec![0; length];
        }
        let address = buffer.as_mut_ptr() as usize;
        cell.set(buffer);
        address
    })
}

/// Runs `check` on the first `length` bytes JS wrote after `reserveInput`.
pub(super) fn with_input<R>(length: usize, check: impl FnOnce(&[u8]) -> R) -> R {
    let buffer = INPUT.with(Cell::take);
    let out = check(buffer.get(..length).unwrap_or_default());
    if buffer.capacity() <= KEPT_BYTES {
        INPUT.with(|cell| cell.set(buffer));
    }
    out
}

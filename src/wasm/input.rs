//! The text to check, written by JS straight into a buffer the module keeps
//! (`reserveInput`, then `checkInput`), instead of wasm-bindgen's copy into a
//! fresh allocation that is freed after each call. A small body then costs
//! no allocation at all, and a string is encoded once, by
//! `TextEncoder.encodeInto`, directly into module memory (the tape of a
//! plain JS value is copied in from the buffer `pkg/api.js` wrote it in).

use std::cell::Cell;

use wasm_bindgen::prelude::*;

/// A buffer up to this size is kept for the next call; a larger one (a big
/// body) is freed after its call, so that no call leaves the module holding
/// more than it needs.
const KEPT_BYTES: usize = 64 << 10;

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
            // Zeroed only when it grows: the length stays at the capacity reached.
            buffer.resize(length, 0);
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

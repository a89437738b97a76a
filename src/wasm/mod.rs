//! The JavaScript skin: the only module that touches `wasm_bindgen` and
//! `js_sys`. These are the raw exports; `pkg/api.js` turns them into the
//! public API (argument checks, result objects, `EventValidationError`).
//!
//! Why the split: a result crosses the boundary as a `u32` (kind and flags)
//! and, only when there are issues, as numbers and one text left in module
//! memory, which JS reads in place into plain objects (`crate::wire`, which
//! defines the layout once). Building result objects property by property
//! from Rust costs more than validating the event itself. The catalogue and the JSON
//! Schemas are not here at all: they are generated natively at build time
//! (`examples/package_data.rs`), so the module holds the validator only.

#[cfg(not(target_feature = "atomics"))]
mod alloc;
mod args;
mod build;
mod input;
mod js_source;
mod readers;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

pub use readers::Readers;

use crate::location::Offsets;
use crate::result::Outcome;
use crate::wire::{self, Encoded, TextMode};

// The module is single-threaded; talc is smaller and faster than dlmalloc
// there, and small blocks are kept in lists in front of it (`alloc.rs`).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: alloc::Pooled = alloc::Pooled::new();

thread_local! {
    /// The issues of the last check that had any, encoded, until the next
    /// check replaces them; kept, so a check with issues allocates nothing
    /// for them once the buffers have grown.
    static ISSUES: RefCell<Encoded> = RefCell::new(Encoded::default());
}

/// Issue records past this many words are freed rather than kept for the
/// next check.
const KEPT_ISSUE_WORDS: usize = 4 << 10;

/// `parseFloat`, the general decimal conversion `src/decimal.rs` is given
/// for the few numbers its fast path does not take (see `set_general`).
fn parse_float(literal: &str) -> f64 {
    js_sys::Number::parse_float(literal)
}

/// What every check does first: gives the core what it needs of the host.
fn prepare() {
    crate::decimal::set_general(parse_float);
}

/// Encodes a result as its check code (`crate::wire::code`), stashing its
/// issues; the issues stashed before go back to the sink for the next check.
fn finish(outcome: Outcome) -> u32 {
    let has_issues = !outcome.issues.is_empty();
    let spare = if has_issues {
        ISSUES.with(|cell| {
            let mut encoded = cell.borrow_mut();
            if encoded.words.capacity() > KEPT_ISSUE_WORDS {
                encoded.words = Vec::new();
            }
            let old = encoded.encode(outcome.issues);
            encoded.seal();
            old
        })
    } else {
        outcome.issues
    };
    crate::sink::recycle(spare);
    wire::code(outcome.kind, has_issues)
}

/// Checks the `length` bytes written after `reserveInput` (`input.rs`), in
/// a `TextMode` (`mode`): a body, as bytes or as a string (`maxBodyBytes`
/// applies, and issues have their location), or a plain JS value written
/// as a tape (`crate::tape`) by `pkg/api.js`. Strings arrive as bytes too:
/// `TextEncoder.encodeInto` in `pkg/api.js` writes them into module memory
/// faster than wasm-bindgen's string passing does.
#[wasm_bindgen(js_name = checkInput)]
pub fn check_input(
    length: usize,
    mode: u32,
    order: u32,
    strict: bool,
    limits: Option<Vec<f64>>,
) -> u32 {
    input::with_input(length, |bytes| {
        check_bytes(bytes, mode, order, strict, limits)
    })
}

/// Checks input given as bytes (see `check_input`, which JS calls).
pub fn check_bytes(
    bytes: &[u8],
    mode: u32,
    order: u32,
    strict: bool,
    limits: Option<Vec<f64>>,
) -> u32 {
    prepare();
    let (order, options) = (args::order(order), args::options(strict, limits));
    let offsets = match mode {
        m if m == TextMode::Bytes as u32 => Offsets::Bytes,
        m if m == TextMode::String as u32 => Offsets::Utf16,
        _ => {
            let mut source = crate::tape::TapeSource::new(bytes, js_source::js_number);
            return finish(crate::validate::check_source(
                &mut source,
                order.as_ref(),
                &options,
            ));
        }
    };
    finish(crate::check_json(bytes, offsets, order.as_ref(), &options))
}

/// The result for a body of `length` bytes or more, over `maxBodyBytes`, not copied in.
#[wasm_bindgen(js_name = checkOversized)]
pub fn check_oversized(length: f64, order: u32, strict: bool, limits: Option<Vec<f64>>) -> u32 {
    let (order, options) = (args::order(order), args::options(strict, limits));
    finish(crate::check_oversized(
        length as usize,
        order.as_ref(),
        &options,
    ))
}

/// Checks a JS value property by property, through `readers` (see
/// `readers.rs`): the careful path, for values the tape (`crate::tape`)
/// does not carry (functions, cycles, proxies, …), which it reports.
#[wasm_bindgen(js_name = checkValue)]
pub fn check_value(
    value: JsValue,
    readers: Readers,
    order: u32,
    strict: bool,
    limits: Option<Vec<f64>>,
) -> u32 {
    prepare();
    let (order, options) = (args::order(order), args::options(strict, limits));
    let mut source = js_source::JsSource::new(value, readers);
    finish(crate::validate::check_source(
        &mut source,
        order.as_ref(),
        &options,
    ))
}

/// The address of the issues of the last check that had any, in the layout
/// of `crate::wire` (its header first: where the text is), valid until the
/// next check.
#[wasm_bindgen(js_name = issues)]
pub fn issues() -> usize {
    ISSUES.with(|cell| cell.borrow().words.as_ptr() as usize)
}

/// The issues of the last check that had any, decoded as `pkg/api.js`
/// decodes them (for the wasm tests): the errors and the warnings.
pub fn last_issues() -> [Vec<wire::Decoded>; 2] {
    ISSUES.with(|cell| cell.borrow().decode())
}

/// Assembles an event for `buildEvent`: `event` first, `Date`s and ISO-8601
/// strings in timestamp fields as milliseconds, `undefined`/`null` dropped.
#[wasm_bindgen(js_name = assembleEvent)]
pub fn assemble_event(name: &str, fields: JsValue, readers: Readers) -> Result<JsValue, JsValue> {
    build::assemble(name, &fields, &readers)
}

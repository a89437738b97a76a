//! The module's allocator: talc, with a free list per size class in front
//! of it for small blocks. An issue is a handful of short strings (its
//! path, message, expected and received), each allocated when it is built
//! and freed once the issue is written to the wire (`crate::wire`); talc's
//! search for a block and its merge of the freed one, for each of them,
//! were a large part of what an invalid event costs more than a valid one. A small block freed here is kept in its class's list
//! and given to the next request of that class, so once a check has run,
//! the next one of its kind allocates from the lists alone.
//!
//! Blocks in the lists are not given back to talc: the lists hold at most
//! what the checks so far held at once in small blocks, as talc would have
//! kept the memory itself (WebAssembly memory never shrinks).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// Bytes of one size class: the step between classes, and their alignment.
const STEP: usize = 16;
/// Classes of `STEP`, `2 × STEP`, … up to `CLASSES × STEP` bytes; larger
/// blocks go to talc directly.
const CLASSES: usize = 16;
/// The largest block a class holds.
const SMALL: usize = STEP * CLASSES;

/// talc behind a free list per size class.
pub(super) struct Pooled {
    inner: talc::wasm::WasmDynamicTalc,
    /// The first free block of each class; each free block holds the
    /// address of the next one in its first word (null at the end).
    lists: UnsafeCell<[*mut u8; CLASSES]>,
}

// The module is single-threaded (the allocator is only installed without
// the `atomics` feature, see `mod.rs`): nothing reaches the lists from two
// threads.
unsafe impl Sync for Pooled {}

impl Pooled {
    /// The allocator, with its lists empty.
    pub(super) const fn new() -> Pooled {
        Pooled {
            inner: talc::wasm::new_wasm_dynamic_allocator(),
            lists: UnsafeCell::new([std::ptr::null_mut(); CLASSES]),
        }
    }

    /// A block from talc; one copy of its search, out of line.
    #[inline(never)]
    fn talc_alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { self.inner.alloc(layout) }
    }

    /// A block given back to talc; one copy of its merge, out of line.
    #[inline(never)]
    fn talc_dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { self.inner.dealloc(ptr, layout) }
    }

    /// Where the first free block of class `c` is recorded.
    #[inline(always)]
    fn head(&self, c: usize) -> *mut *mut u8 {
        // `c` is below CLASSES by `class`; the remainder (a mask) keeps
        // the pointer inside the array whatever it is.
        unsafe { self.lists.get().cast::<*mut u8>().add(c % CLASSES) }
    }
}

/// The class of a small request: its index, or `None` for talc.
#[inline(always)]
fn class(layout: Layout) -> Option<usize> {
    if layout.size() <= SMALL && layout.align() <= STEP {
        // A request is never of size 0 (GlobalAlloc's contract).
        Some((layout.size().wrapping_sub(1)) / STEP)
    } else {
        None
    }
}

/// The layout talc is asked for when a class's list is empty.
#[inline(always)]
fn class_layout(class: usize) -> Layout {
    // A multiple of STEP up to SMALL, aligned to STEP: always a valid layout.
    unsafe { Layout::from_size_align_unchecked((class + 1) * STEP, STEP) }
}

// Out of line: inlined, the class check would be copied into every drop in
// the module (+6 kB before `wasm-opt`), for a call saved.
unsafe impl GlobalAlloc for Pooled {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class(layout) else {
            return self.talc_alloc(layout);
        };
        let list = self.head(c);
        let head = unsafe { *list };
        if head.is_null() {
            return self.talc_alloc(class_layout(c));
        }
        unsafe {
            *list = *head.cast::<*mut u8>();
        }
        head
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(c) = class(layout) else {
            return self.talc_dealloc(ptr, layout);
        };
        let list = self.head(c);
        unsafe {
            *ptr.cast::<*mut u8>() = *list;
            *list = ptr;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class(layout), class(new_layout)) {
            // Both large: talc may grow the block in place.
            (None, None) => unsafe { self.inner.realloc(ptr, layout, new_size) },
            // Within its class's block already.
            (Some(a), Some(b)) if a == b => ptr,
            _ => {
                let new = unsafe { self.alloc(new_layout) };
                if !new.is_null() {
                    unsafe {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                }
                new
            }
        }
    }
}

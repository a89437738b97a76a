#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
// No panic path on input (issue 7): a panic in WebAssembly aborts the module
// for every later call in the isolate. Tests may unwrap.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

// First: its macro is visible to the modules declared after it.
#[macro_use]
mod sentence;

pub mod catalog;
mod decimal;
mod draft;
mod field_index;
pub mod iso8601;
pub mod issue;
pub mod json;
mod key_set;
pub mod known_key;
pub mod location;
mod near_miss;
pub mod options;
mod pointer;
pub mod quote;
pub mod result;
pub mod rules;
pub mod scan;
pub mod schema;
mod sink;
mod syntax_error;
pub mod tape;
pub mod token;
pub mod typescript;
mod validate;
pub mod value_source;
pub mod wire;

/// The JavaScript API (wasm32 only): what the npm package exports.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use catalog::{catalog, Catalog};
pub use issue::{Issue, IssueCode};
pub use location::{Location, Offsets};
pub use options::{Limits, Options, ServiceOrder};
pub use result::ValidationResult;
pub use rules::{EventKind, FieldType, ServiceType};
pub use validate::validate_source;

/// Validates a JSON text body: the rules are applied while it is parsed, and
/// a body over `limits.max_body_bytes` is rejected without being parsed.
/// Issues carry their `location`, with offsets in bytes.
pub fn validate_json(
    body: &[u8],
    order: Option<&ServiceOrder>,
    options: &Options,
) -> ValidationResult {
    validate_json_located(body, Offsets::Bytes, order, options)
}

/// As `validate_json`, with location offsets counted in `offsets`: UTF-16
/// code units when the body was a JS string, as JS indexes it.
pub fn validate_json_located(
    body: &[u8],
    offsets: Offsets,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> ValidationResult {
    check_json(body, offsets, order, options).into_result()
}

/// As `validate_json_located`, with the issues left as records (for the module).
pub(crate) fn check_json(
    body: &[u8],
    offsets: Offsets,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> result::Outcome {
    if body.len() > options.limits.max_body_bytes {
        return check_oversized(body.len(), order, options);
    }
    validate::check_source(
        &mut json::JsonSource::new(body, Some(offsets)),
        order,
        options,
    )
}

/// Validates JSON text with no size limit on the text as a whole (for values
/// serialised by the caller, such as `JSON.stringify` of a JS event; the
/// other limits still apply). Issues have no `location`: the text is not
/// the caller's.
pub fn validate_json_unbounded(
    body: &[u8],
    order: Option<&ServiceOrder>,
    options: &Options,
) -> ValidationResult {
    validate_source(&mut json::JsonSource::new(body, None), order, options)
}

/// Validates an already parsed value (which cannot hold duplicate keys).
pub fn validate_value(
    value: &serde_json::Value,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> ValidationResult {
    validate_source(&mut value_source::ValueSource::new(value), order, options)
}

/// The result for a body of at least `at_least` bytes, over
/// `limits.max_body_bytes`: `limit_exceeded`, without reading it.
pub fn oversized_body(
    at_least: usize,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> ValidationResult {
    check_oversized(at_least, order, options).into_result()
}

/// As `oversized_body`, with the issues left as records (for the module).
pub(crate) fn check_oversized(
    at_least: usize,
    order: Option<&ServiceOrder>,
    options: &Options,
) -> result::Outcome {
    let max = options.limits.max_body_bytes;
    let message = format!(
        "The body has at least {at_least} bytes, more than the limit of {max} (maxBodyBytes)."
    );
    let issue = Issue::new(IssueCode::LimitExceeded, "", message)
        .expected(format!("at most {max} bytes (maxBodyBytes)"));
    validate::unreadable(order, options, issue)
}

//! What every fuzz target checks of a result, and how it picks options.

use serde_json::Value;
use servicer_events::{IssueCode, Limits, Options, ServiceOrder, ServiceType, ValidationResult};

/// Options from one byte: default limits, or tiny ones so that every limit
/// is hit; strict or not; sometimes an order.
pub fn options(b: u8) -> (Options, Option<ServiceOrder>) {
    let small = usize::from(b >> 4);
    let limits = if b & 1 == 0 {
        Limits::default()
    } else {
        Limits {
            max_body_bytes: 16 * small + 8,
            max_event_name_length: small,
            max_string_length: small,
            max_array_items: small % 4,
            max_depth: small % 5,
            max_keys: small,
        }
    };
    let options = Options {
        strict: b & 2 != 0,
        limits,
    };
    let order = (b & 4 != 0).then(|| ServiceOrder {
        service_type: if b & 8 != 0 {
            ServiceType::RepairDepot
        } else {
            ServiceType::RepairOnsite
        },
        accepted: (b & 0x30 == 0x30).then_some(false),
        closed: (b & 0xc0 == 0xc0).then_some(true),
    });
    (options, order)
}

/// RFC 6901: empty, or `/` segments where `~` is followed by `0` or `1`.
fn is_json_pointer(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else {
        return path.is_empty();
    };
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

/// Shape invariants; paths must resolve in `input` when it is given.
pub fn check(result: &ValidationResult, input: Option<&Value>, options: &Options) {
    assert_eq!(result.valid, result.errors.is_empty());
    if options.strict {
        assert!(result.warnings.is_empty());
    }
    for issue in result.issues() {
        assert!(!issue.message.is_empty(), "{issue:?}");
        assert!(is_json_pointer(&issue.path), "{issue:?}");
        if let (Some(input), false) = (input, issue.code == IssueCode::MissingEvent) {
            assert!(input.pointer(&issue.path).is_some(), "{issue:?} in {input}");
        }
    }
    if result.kind.is_some() {
        let name = input
            .and_then(Value::as_object)
            .and_then(|o| o.get("event"))
            .and_then(Value::as_str);
        if input.is_some() {
            assert!(name.is_some_and(|n| !n.is_empty()), "{result:?}");
        }
    }
}

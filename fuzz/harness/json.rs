//! The `json` target: JSON text through `validate_json`. The first byte
//! picks the options, the rest is the body. No input may panic; paths
//! resolve in the text as read; text serde_json reads is never `invalid_json`.

use super::{check::check, options::options, tree::Tree};
use servicer_events::{validate_json, IssueCode};

/// Runs one input and asserts every invariant.
pub fn run(data: &[u8]) {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let (options, order) = options(first);
    let result = validate_json(body, order.as_ref(), &options);
    let over = body.len() > options.limits.max_body_bytes;
    let parsed = if over { None } else { Tree::parse(body) };
    if parsed.is_some() {
        assert!(
            result
                .errors
                .iter()
                .all(|i| i.code != IssueCode::InvalidJson),
            "{result:?}"
        );
    }
    check(&result, parsed.as_ref(), &options);
}

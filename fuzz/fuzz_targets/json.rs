//! JSON text through `validate_json`: the first byte picks the options, the
//! rest is the body. No input may panic; paths resolve in what serde_json
//! reads; what serde_json reads is never `invalid_json`.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use servicer_events::{validate_json, IssueCode};

fuzz_target!(|data: &[u8]| {
    let Some((&first, body)) = data.split_first() else {
        return;
    };
    let (options, order) = common::options(first);
    let result = validate_json(body, order.as_ref(), &options);
    let over = body.len() > options.limits.max_body_bytes;
    let parsed = serde_json::from_slice::<serde_json::Value>(body).ok();
    if parsed.is_some() && !over {
        assert!(
            result
                .errors
                .iter()
                .all(|i| i.code != IssueCode::InvalidJson),
            "{result:?}"
        );
    }
    common::check(&result, parsed.as_ref().filter(|_| !over), &options);
});

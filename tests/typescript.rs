//! `pkg/index.d.ts` is generated from the rule table: this test fails when the
//! committed file differs from what the rules give, and rewrites it when run
//! with `UPDATE_DTS=1` (`UPDATE_DTS=1 cargo test --test typescript`).

use std::path::Path;

#[test]
fn the_committed_declarations_are_generated_from_the_rule_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg/index.d.ts");
    let generated = servicer_events::typescript::typescript_declarations();
    if std::env::var_os("UPDATE_DTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write pkg/index.d.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "pkg/index.d.ts is not what the rule table gives: run `UPDATE_DTS=1 cargo test --test typescript` and commit it"
    );
}

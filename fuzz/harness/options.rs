//! How an input's first byte picks the options and the service order.

use servicer_events::{Limits, Options, ServiceOrder, ServiceType};

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
            max_issues: small % 6,
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

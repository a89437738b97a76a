//! Arguments as `pkg/api.js` passes them, already checked there: the order
//! as bits, the options as a flag and the limits' values.

use crate::options::{Options, ServiceOrder};
use crate::rules::ServiceType;

/// Decodes an order: bits 0–1 the service type (0 none, 1 depot, 2 onsite),
/// bits 2–3 `accepted` and bits 4–5 `closed` (0 absent, 1 false, 2 true).
pub(super) fn order(bits: u32) -> Option<ServiceOrder> {
    let service_type = match bits & 3 {
        1 => ServiceType::RepairDepot,
        2 => ServiceType::RepairOnsite,
        _ => return None,
    };
    let flag = |shift: u32| match (bits >> shift) & 3 {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    };
    Some(ServiceOrder {
        service_type,
        accepted: flag(2),
        closed: flag(4),
    })
}

/// Decodes the options: `limits` holds every limit's value, in the order of
/// the catalogue's `limits` keys.
pub(super) fn options(strict: bool, limits: Option<Vec<f64>>) -> Options {
    let mut options = Options {
        strict,
        ..Options::default()
    };
    if let Some(values) = limits {
        let names = crate::catalog::limit_names();
        for (name, value) in names.zip(values) {
            options.limits.set(name, value as usize);
        }
    }
    options
}

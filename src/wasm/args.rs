//! Arguments as `pkg/api.js` passes them, already checked there: the order
//! as bits, the options as a flag and the limits' values.

use crate::options::{Options, ServiceOrder};
use crate::rules::ServiceType;
use crate::wire;

/// Decodes an order from its bits (the layout is `crate::wire`'s).
pub(super) fn order(bits: u32) -> Option<ServiceOrder> {
    let position = (bits & wire::ORDER_TYPE_MASK).checked_sub(1)?;
    let service_type = *ServiceType::ALL.get(position as usize)?;
    let flag = |shift: u32| {
        wire::ORDER_FLAG
            .get(((bits >> shift) & 3) as usize)
            .copied()
            .flatten()
    };
    Some(ServiceOrder {
        service_type,
        accepted: flag(wire::ORDER_ACCEPTED_SHIFT),
        closed: flag(wire::ORDER_CLOSED_SHIFT),
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

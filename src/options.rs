//! What a caller passes besides the event: the service order and the options.

use crate::rules::ServiceType;

/// The service order an event is for: the two facts the rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceOrder {
    /// Decides which listed events are allowed.
    pub service_type: ServiceType,
    /// `Some(false)` makes every event an error; `None` is not checked.
    pub accepted: Option<bool>,
    /// `Some(true)` makes every event an error; `None` is not checked.
    pub closed: Option<bool>,
}

impl ServiceOrder {
    /// An order of `service_type` whose status is not checked.
    pub const fn new(service_type: ServiceType) -> ServiceOrder {
        ServiceOrder {
            service_type,
            accepted: None,
            closed: None,
        }
    }
}

/// The limits that keep a hostile payload off the backend. Beyond any of them
/// is a `limit_exceeded` error, found before the work grows with the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// UTF-8 bytes of a JSON body; exactly the limit is allowed.
    pub max_body_bytes: usize,
    /// Characters (code points) of the event name.
    pub max_event_name_length: usize,
    /// Characters of any other string (keys included) anywhere in the event.
    pub max_string_length: usize,
    /// Items of any array anywhere in the event.
    pub max_array_items: usize,
    /// Nesting depth of any value: the event's own fields are depth 1.
    pub max_depth: usize,
    /// Keys of all objects of the event together, the event's own included.
    pub max_keys: usize,
    /// Errors and warnings together in one result; past it, one
    /// `too_many_issues` ends the list (see `crate::sink`).
    pub max_issues: usize,
}

/// The default `maxBodyBytes` (`Limits::max_body_bytes`): 1 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1_048_576;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_event_name_length: 256,
            max_string_length: 65_536,
            max_array_items: 1_000,
            max_depth: 32,
            max_keys: 10_000,
            max_issues: 100,
        }
    }
}

impl Limits {
    /// The JS names of the limits (`options.limits` keys), with their defaults.
    pub fn named(&self) -> [(&'static str, usize); 7] {
        [
            ("maxBodyBytes", self.max_body_bytes),
            ("maxEventNameLength", self.max_event_name_length),
            ("maxStringLength", self.max_string_length),
            ("maxArrayItems", self.max_array_items),
            ("maxDepth", self.max_depth),
            ("maxKeys", self.max_keys),
            ("maxIssues", self.max_issues),
        ]
    }

    /// Sets a limit by its JS name; `false` when the name is unknown.
    pub fn set(&mut self, name: &str, value: usize) -> bool {
        let slot = match name {
            "maxBodyBytes" => &mut self.max_body_bytes,
            "maxEventNameLength" => &mut self.max_event_name_length,
            "maxStringLength" => &mut self.max_string_length,
            "maxArrayItems" => &mut self.max_array_items,
            "maxDepth" => &mut self.max_depth,
            "maxKeys" => &mut self.max_keys,
            "maxIssues" => &mut self.max_issues,
            _ => return false,
        };
        *slot = value;
        true
    }
}

/// How to validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Warnings become errors, and fields no event lists are `unknown_field` errors.
    pub strict: bool,
    /// The size limits.
    pub limits: Limits,
}

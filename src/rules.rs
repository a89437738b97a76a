//! The rule table: every listed event, every known field and its type,
//! declared once as data. The validator, the catalogue, the TypeScript
//! declarations and the JSON Schema are all derived from these two arrays.

use serde::Serialize;

/// The service type of a service order, which decides the events it may receive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    /// The product travels to the servicer's depot to be repaired.
    RepairDepot,
    /// A technician repairs the product at the customer's place.
    RepairOnsite,
}

impl ServiceType {
    /// Both service types, in the order the source lists them.
    pub const ALL: [ServiceType; 2] = [ServiceType::RepairDepot, ServiceType::RepairOnsite];

    /// The wire name: `repair_depot` or `repair_onsite`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ServiceType::RepairDepot => "repair_depot",
            ServiceType::RepairOnsite => "repair_onsite",
        }
    }

    /// Parses a wire name; `None` for anything else (names are case-sensitive).
    pub fn parse(name: &str) -> Option<ServiceType> {
        ServiceType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// What kind of event a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A listed depot event.
    Depot,
    /// A listed onsite event.
    Onsite,
    /// Any other name: allowed for both service types.
    Other,
}

impl EventKind {
    /// The name used in results: `depot`, `onsite` or `other`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EventKind::Depot => "depot",
            EventKind::Onsite => "onsite",
            EventKind::Other => "other",
        }
    }

    /// The service type a listed event belongs to; `None` for other events.
    pub const fn service_type(self) -> Option<ServiceType> {
        match self {
            EventKind::Depot => Some(ServiceType::RepairDepot),
            EventKind::Onsite => Some(ServiceType::RepairOnsite),
            EventKind::Other => None,
        }
    }

    /// Whether an event of this kind may be sent for an order of `service_type`.
    pub fn allowed_for(self, service_type: ServiceType) -> bool {
        self.service_type().is_none_or(|t| t == service_type)
    }
}

/// The type of a field's value. A field has the same type in every event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Any JSON string, the empty string included.
    String,
    /// `true` or `false`.
    Boolean,
    /// Integer milliseconds since the Unix epoch, `0 ≤ t ≤ 8.64e15`.
    Timestamp,
    /// An array whose items are timestamps.
    TimestampArray,
    /// A plain JSON object with free-form contents.
    Object,
    /// One of the listed strings, case-sensitive.
    Enum(&'static [&'static str]),
}

impl FieldType {
    /// The type's name in the catalogue: `string`, `boolean`, `timestamp`,
    /// `timestamp_array`, `object` or `enum`.
    pub const fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Boolean => "boolean",
            FieldType::Timestamp => "timestamp",
            FieldType::TimestampArray => "timestamp_array",
            FieldType::Object => "object",
            FieldType::Enum(_) => "enum",
        }
    }

    /// What a value of this type looks like, in words, for issue messages.
    pub const fn expected(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Boolean => "boolean (true or false)",
            FieldType::Timestamp => "timestamp (integer milliseconds since 1970)",
            FieldType::TimestampArray => "array of timestamps (integer milliseconds since 1970)",
            FieldType::Object => "object",
            FieldType::Enum(_) => "one of the listed strings",
        }
    }

    /// The allowed values of an enum field; empty for other types.
    pub const fn values(self) -> &'static [&'static str] {
        match self {
            FieldType::Enum(values) => values,
            _ => &[],
        }
    }
}

/// A listed event: its name and the service type it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSpec {
    /// The wire name, e.g. `product_received`.
    pub name: &'static str,
    /// `Depot` or `Onsite` (never `Other`).
    pub kind: EventKind,
    /// One sentence on when a servicer sends it (empty in the WebAssembly
    /// module: see `native_only`).
    pub description: &'static str,
}

/// The events the source lists, in its recommended order.
pub const EVENTS: &[EventSpec] = &[
    ev(
        "product_received",
        EventKind::Depot,
        "The depot received the product.",
    ),
    ev(
        "product_delivered",
        EventKind::Depot,
        "The repaired product was delivered back.",
    ),
    ev(
        "product_diagnosed",
        EventKind::Depot,
        "The product was diagnosed.",
    ),
    ev(
        "repair_eta",
        EventKind::Depot,
        "The estimated completion of the repair is known or changed.",
    ),
    ev("repair_started", EventKind::Depot, "The repair started."),
    ev(
        "repair_completed",
        EventKind::Depot,
        "The repair is complete.",
    ),
    ev(
        "part_management",
        EventKind::Onsite,
        "Parts were needed, ordered, shipped or delivered.",
    ),
    ev(
        "appointment_scheduling",
        EventKind::Onsite,
        "An appointment was scheduled, rescheduled or cancelled.",
    ),
    ev(
        "customer_contact",
        EventKind::Onsite,
        "The customer was contacted.",
    ),
    ev(
        "batched",
        EventKind::Onsite,
        "Availability windows were proposed to the customer.",
    ),
    ev(
        "resolved",
        EventKind::Onsite,
        "The onsite service is resolved.",
    ),
];

/// Where a field is listed: on every event, on one listed event, or on other events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListedOn {
    /// Any event may carry it (`notes`).
    Every,
    /// The recommended body of this listed event shows it.
    Event(&'static str),
    /// The recommended body of other events shows it (`eventDate`, `metadata`).
    Other,
    /// The parameter table shows it on this other event (`repairShippedAt`).
    OtherEvent(&'static str),
}

/// A known field: its name, its type, and where the reference lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The JSON key, e.g. `receptionDate`.
    pub name: &'static str,
    /// The type of its value, the same in every event.
    pub ty: FieldType,
    /// The event whose recommended body shows it.
    pub listed_on: ListedOn,
    /// One sentence on what it holds (empty in the WebAssembly module: see
    /// `native_only`).
    pub description: &'static str,
}

/// Values of `partManagementEventType`.
pub const PART_MANAGEMENT_EVENT_TYPES: &[&str] = &[
    "parts_needed",
    "parts_ordered",
    "parts_shipped",
    "parts_delivered",
];
/// Values of `appointmentEventType`.
pub const APPOINTMENT_EVENT_TYPES: &[&str] = &["scheduled", "rescheduled", "cancelled"];
/// Values of `customerContactEventType`.
pub const CUSTOMER_CONTACT_EVENT_TYPES: &[&str] = &[
    "appointment_reminder",
    "schedule_attempt_failure",
    "appointment_requested",
    "appointment_request_confirmed",
];
/// Values of `method`.
pub const CONTACT_METHODS: &[&str] = &["email", "phone", "email_and_phone"];

use FieldType::{Boolean, Enum, Object, Timestamp, TimestampArray};
use ListedOn::{Event as On, Every, Other, OtherEvent};

/// Every known field, grouped by the event that lists it. `event` itself is
/// not here: it is the required name, checked on its own.
pub const FIELDS: &[FieldSpec] = &[
    f(
        "notes",
        FieldType::String,
        Every,
        "Free text about the event.",
    ),
    f(
        "receivedBy",
        FieldType::String,
        On("product_received"),
        "Who received the product.",
    ),
    f(
        "receptionDate",
        Timestamp,
        On("product_received"),
        "When the product was received.",
    ),
    f(
        "receivedAt",
        Timestamp,
        On("product_received"),
        "When the product was received (the parameter table's name).",
    ),
    f(
        "deliveredTo",
        FieldType::String,
        On("product_delivered"),
        "Who the product was delivered to.",
    ),
    f(
        "deliveredDate",
        Timestamp,
        On("product_delivered"),
        "When the product was delivered.",
    ),
    f(
        "deliveredAt",
        Timestamp,
        On("product_delivered"),
        "When the product was delivered (the parameter table's name).",
    ),
    f(
        "diagnosedBy",
        FieldType::String,
        On("product_diagnosed"),
        "Who diagnosed the product.",
    ),
    f(
        "diagnosticExplanation",
        FieldType::String,
        On("product_diagnosed"),
        "What the diagnosis found.",
    ),
    f(
        "diagnosticCompletedAt",
        Timestamp,
        On("product_diagnosed"),
        "When the diagnosis was completed.",
    ),
    f(
        "estimatedRepairCompletionAt",
        Timestamp,
        On("repair_eta"),
        "When the repair is expected to be complete.",
    ),
    f(
        "isDelayed",
        Boolean,
        On("repair_eta"),
        "Whether the repair is delayed.",
    ),
    f(
        "delayReason",
        FieldType::String,
        On("repair_eta"),
        "Why the repair is delayed.",
    ),
    f(
        "repairStartedAt",
        Timestamp,
        On("repair_started"),
        "When the repair started.",
    ),
    f(
        "repairCompletedAt",
        Timestamp,
        On("repair_completed"),
        "When the repair was completed.",
    ),
    f(
        "repairExplanation",
        FieldType::String,
        On("repair_completed"),
        "What the repair consisted of.",
    ),
    f(
        "repairShippedAt",
        Timestamp,
        OtherEvent("repair_shipped"),
        "When the repaired product was shipped.",
    ),
    f(
        "partManagementEventType",
        Enum(PART_MANAGEMENT_EVENT_TYPES),
        On("part_management"),
        "What happened to the parts.",
    ),
    f(
        "appointmentEventType",
        Enum(APPOINTMENT_EVENT_TYPES),
        On("appointment_scheduling"),
        "What happened to the appointment.",
    ),
    f(
        "appointmentDate",
        Timestamp,
        On("appointment_scheduling"),
        "When the appointment is.",
    ),
    f(
        "customerContactEventType",
        Enum(CUSTOMER_CONTACT_EVENT_TYPES),
        On("customer_contact"),
        "Why the customer was contacted.",
    ),
    f(
        "method",
        Enum(CONTACT_METHODS),
        On("customer_contact"),
        "How the customer was contacted.",
    ),
    f(
        "contactTimestamp",
        Timestamp,
        On("customer_contact"),
        "When the customer was contacted.",
    ),
    f(
        "appointmentTimestamps",
        TimestampArray,
        On("customer_contact"),
        "The appointment times discussed.",
    ),
    f(
        "availabilityWindows",
        TimestampArray,
        On("batched"),
        "The proposed availability windows.",
    ),
    f(
        "resolutionType",
        FieldType::String,
        On("resolved"),
        "How the service was resolved (values not public yet).",
    ),
    f(
        "reason",
        FieldType::String,
        On("resolved"),
        "Why the service was resolved so (values not public yet).",
    ),
    f(
        "eventDate",
        Timestamp,
        Other,
        "When the other event happened.",
    ),
    f(
        "metadata",
        Object,
        Other,
        "Free-form data of an other event.",
    ),
];

/// The name of the one required field.
pub const EVENT_FIELD: &str = "event";

/// Looks up a listed event by its exact (case-sensitive) name.
pub fn event(name: &str) -> Option<&'static EventSpec> {
    EVENTS.iter().find(|e| e.name == name)
}

/// The kind of an event name: depot, onsite, or other for any unlisted name.
pub fn event_kind(name: &str) -> EventKind {
    event(name).map_or(EventKind::Other, |e| e.kind)
}

/// Looks up a known field by its exact (case-sensitive) key (through a
/// table built from `FIELDS`: src/field_index.rs).
pub fn field(name: &str) -> Option<&'static FieldSpec> {
    crate::field_index::field(name)
}

/// The fields whose recommended body is that of `event` (`notes` included).
pub fn fields_of(event: &str) -> impl Iterator<Item = &'static FieldSpec> + '_ {
    let kind = event_kind(event);
    FIELDS.iter().filter(move |f| match f.listed_on {
        ListedOn::Every => true,
        ListedOn::Event(name) => name == event,
        ListedOn::Other | ListedOn::OtherEvent(_) => kind == EventKind::Other,
    })
}

const fn ev(name: &'static str, kind: EventKind, description: &'static str) -> EventSpec {
    EventSpec {
        name,
        kind,
        description: native_only(description),
    }
}

const fn f(
    name: &'static str,
    ty: FieldType,
    listed_on: ListedOn,
    description: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        listed_on,
        description: native_only(description),
    }
}

/// `text` natively, and empty in the WebAssembly module. The descriptions feed
/// the catalogue, the JSON Schemas and the `.d.ts`, which are all generated
/// natively into the package data; the module only validates and never reads
/// them, and they would be about a kilobyte of it, gzip.
const fn native_only(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_listed_on_a_listed_event_names_a_real_one() {
        for f in FIELDS {
            if let ListedOn::Event(name) = f.listed_on {
                assert!(
                    event(name).is_some(),
                    "{} is listed on unknown {name}",
                    f.name
                );
            }
        }
    }

    #[test]
    fn names_are_unique() {
        for (i, a) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[i + 1..].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
        }
        for (i, a) in EVENTS.iter().enumerate() {
            assert!(
                EVENTS[i + 1..].iter().all(|b| b.name != a.name),
                "{}",
                a.name
            );
        }
    }

    #[test]
    fn six_depot_and_five_onsite_events() {
        let depot = EVENTS.iter().filter(|e| e.kind == EventKind::Depot).count();
        let onsite = EVENTS
            .iter()
            .filter(|e| e.kind == EventKind::Onsite)
            .count();
        assert_eq!((depot, onsite), (6, 5));
    }

    #[test]
    fn other_events_list_event_date_and_metadata() {
        let names: Vec<_> = fields_of("custom").map(|f| f.name).collect();
        assert!(names.contains(&"eventDate") && names.contains(&"metadata"));
        assert!(names.contains(&"notes"));
        let eta: Vec<_> = fields_of("repair_eta").map(|f| f.name).collect();
        assert_eq!(
            eta,
            [
                "notes",
                "estimatedRepairCompletionAt",
                "isDelayed",
                "delayReason"
            ]
        );
    }
}

//! The event catalogue: the rule table as plain data, for forms, docs and tools.

use serde::Serialize;

use crate::issue::IssueCode;
use crate::options::Limits;
use crate::rules::{self, EventKind, ListedOn, ServiceType};

/// Every event, field, type, enum value, issue code and default limit.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// `repair_depot`, `repair_onsite`.
    pub service_types: Vec<&'static str>,
    /// The listed events, in the source's recommended order.
    pub events: Vec<CatalogEvent>,
    /// What any other (unlisted) event name may carry.
    pub other_event: CatalogOtherEvent,
    /// Every known field with its type.
    pub fields: Vec<CatalogField>,
    /// Every issue code with its severity and meaning.
    pub issue_codes: Vec<CatalogIssueCode>,
    /// The default limits, by their `options.limits` names.
    pub limits: std::collections::BTreeMap<&'static str, usize>,
}

/// A listed event.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogEvent {
    /// Its wire name.
    pub name: &'static str,
    /// `depot` or `onsite`.
    pub kind: EventKind,
    /// The service type it belongs to.
    pub service_type: ServiceType,
    /// When a servicer sends it.
    pub description: &'static str,
    /// The fields of its recommended body, `notes` first.
    pub fields: Vec<&'static str>,
}

/// Other events: any unlisted name, allowed for both service types.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogOtherEvent {
    /// Always `other`.
    pub kind: EventKind,
    /// The fields of the recommended body of other events, `notes` first.
    pub fields: Vec<&'static str>,
}

/// A known field.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogField {
    /// Its key.
    pub name: &'static str,
    /// `string`, `boolean`, `timestamp`, `timestamp_array`, `object` or `enum`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The allowed values of an enum field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<&'static [&'static str]>,
    /// The type in words, as issues say it.
    pub expected: &'static str,
    /// What it holds.
    pub description: &'static str,
    /// `every` (any event), a listed event's name, `other` (other events), or
    /// the other event the parameter table shows it on (`repair_shipped`).
    pub listed_on: &'static str,
}

/// An issue code.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogIssueCode {
    /// The stable name.
    pub code: IssueCode,
    /// `error`, or `warning` (an error in strict mode).
    pub severity: &'static str,
    /// What it means.
    pub description: String,
}

/// The names of the limits in the order of the catalogue's `limits` keys.
pub fn limit_names() -> impl Iterator<Item = &'static str> {
    let mut names = Limits::default().named().map(|(name, _)| name);
    names.sort_unstable();
    names.into_iter()
}

/// Builds the catalogue from the rule table.
pub fn catalog() -> Catalog {
    let names = |event: &str| rules::fields_of(event).map(|f| f.name).collect::<Vec<_>>();
    Catalog {
        service_types: ServiceType::ALL.iter().map(|t| t.as_str()).collect(),
        events: rules::EVENTS
            .iter()
            .filter_map(|e| {
                Some(CatalogEvent {
                    name: e.name,
                    kind: e.kind,
                    service_type: e.kind.service_type()?,
                    description: e.description,
                    fields: names(e.name),
                })
            })
            .collect(),
        other_event: CatalogOtherEvent {
            kind: EventKind::Other,
            fields: names(""),
        },
        fields: rules::FIELDS
            .iter()
            .map(|f| CatalogField {
                name: f.name,
                ty: f.ty.name(),
                values: match f.ty.values() {
                    [] => None,
                    values => Some(values),
                },
                expected: f.ty.expected(),
                description: f.description,
                listed_on: match f.listed_on {
                    ListedOn::Every => "every",
                    ListedOn::Event(name) | ListedOn::OtherEvent(name) => name,
                    ListedOn::Other => "other",
                },
            })
            .collect(),
        issue_codes: IssueCode::ALL
            .iter()
            .map(|&code| CatalogIssueCode {
                code,
                severity: if code.is_warning() {
                    "warning"
                } else {
                    "error"
                },
                description: code.description(),
            })
            .collect(),
        limits: Limits::default().named().into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_event_and_field_of_the_table() {
        let c = catalog();
        assert_eq!(c.events.len(), rules::EVENTS.len());
        assert_eq!(c.fields.len(), rules::FIELDS.len());
        assert!(c.other_event.fields.contains(&"metadata"));
        assert!(!c.other_event.fields.contains(&"receivedBy"));
        let received = c
            .events
            .iter()
            .find(|e| e.name == "product_received")
            .unwrap();
        assert_eq!(
            received.fields,
            ["notes", "receivedBy", "receptionDate", "receivedAt"]
        );
    }
}

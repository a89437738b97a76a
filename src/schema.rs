//! The JSON Schema (draft 2020-12) of the error rules, derived from the rule
//! table, for backends in other languages and for JS callers that already use
//! a schema validator. Warnings have no JSON Schema equivalent, and a few
//! error rules cannot be expressed: the `$comment` of the schema says which.

use serde_json::{json, Map, Value};

use crate::options::Limits;

use crate::rules::{
    EventKind, FieldSpec, FieldType, ListedOn, ServiceType, EVENTS, EVENT_FIELD, FIELDS,
};

/// The dialect of the schemas: JSON Schema draft 2020-12.
pub const SCHEMA_DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The largest valid timestamp: 8.64e15 ms, the end of the range of a JS `Date`.
pub const MAX_TIMESTAMP: u64 = 8_640_000_000_000_000;

/// The JSON Schema of an event for an order of `service_type`, or for an
/// order of either type (the service-type rule unchecked, as when
/// `validateEvent` is called without an order) when it is `None`.
///
/// A JSON value is valid against it exactly when the validator, with the
/// default options and an order that states only its service type, reports no
/// error, except for what the `$comment` lists as not expressible.
pub fn event_json_schema(service_type: Option<ServiceType>) -> Value {
    let mut properties = Map::new();
    properties.insert(EVENT_FIELD.to_owned(), event_name_schema(service_type));
    for field in FIELDS {
        properties.insert(field.name.to_owned(), field_schema(field));
    }
    let (title, scope) = match service_type {
        Some(t) => (
            format!("update-repair event for a {} service order", t.as_str()),
            format!(
                "for a {} service order: the listed events of the other service type are errors",
                t.as_str()
            ),
        ),
        None => (
            "update-repair event".to_owned(),
            "for a service order of either type: the service type is not checked".to_owned(),
        ),
    };
    json!({
        "$schema": SCHEMA_DIALECT,
        "title": title,
        "description": format!(
            "An event of POST /service-orders/{{serviceOrderId}}/update-repair, {scope}. \
             `event` is the only required field. Every known field has the same type in \
             every event; null is not a value of any type (omit the field instead). \
             Fields no event lists are accepted whatever their value."
        ),
        "$comment": not_expressible(),
        "type": "object",
        "required": [EVENT_FIELD],
        "properties": properties,
        "propertyNames": key_schema(),
        "additionalProperties": { "$ref": "#/$defs/jsonValue" },
        "$defs": { "jsonValue": json_value_schema() },
    })
}

/// A key: within `maxStringLength`, and never `__proto__`.
fn key_schema() -> Value {
    json!({
        "maxLength": Limits::default().max_string_length,
        "not": { "const": "__proto__" },
    })
}

/// Why this schema is not the whole validator: the rules JSON Schema cannot
/// express, so a user of the schema knows what to check besides it.
fn not_expressible() -> String {
    "Generated from the servicer-events rule table; the validator is the reference. \
     This schema holds its error rules with the default options, except what JSON Schema \
     cannot express: (1) the size limits maxBodyBytes, maxDepth and maxKeys (maxKeys counts \
     the keys of all objects together), and any limit a call overrides: maxEventNameLength, \
     maxStringLength (strings and keys) and maxArrayItems are stated here at their defaults \
     (maxLength, maxItems); (2) rules of the JSON text itself, which a schema never \
     sees: a key that appears twice in one object (the parsed value has kept one copy) and \
     a lone surrogate escape such as \\uD800 (validateEventJson rejects both as invalid \
     JSON text): check them with your JSON parser; (3) values JSON cannot carry (NaN, Infinity, functions, BigInt, circular \
     references), which only a JS caller can pass; (4) the status of the service order \
     (accepted: false or closed: true make every event an error). Warnings (possible_typo, \
     timestamp_in_seconds) and strict mode (warnings as errors, unknown_field) are not \
     expressed: the schema accepts what the validator accepts with warnings."
        .to_owned()
}

/// `event`: a non-empty string; for a service type, not a listed event of the other.
fn event_name_schema(service_type: Option<ServiceType>) -> Value {
    let mut schema = json!({
        "type": "string",
        "minLength": 1,
        "maxLength": Limits::default().max_event_name_length,
        "description": "The event name, case-sensitive: a listed event, or any other \
                        non-empty name (an other event, allowed for both service types).",
    });
    if let Some(t) = service_type {
        let forbidden: Vec<&str> = EVENTS
            .iter()
            .filter(|e| !e.kind.allowed_for(t))
            .map(|e| e.name)
            .collect();
        if let Some(map) = schema.as_object_mut() {
            map.insert("not".into(), json!({ "enum": forbidden }));
        }
    }
    schema
}

/// The schema of one known field's value, with its description.
fn field_schema(field: &FieldSpec) -> Value {
    let mut schema = type_schema(field.ty);
    if let Some(map) = schema.as_object_mut() {
        let description = format!("{} {}", field.description, listed_on(field));
        map.insert("description".into(), json!(description));
    }
    schema
}

/// The schema of a value of type `ty`.
fn type_schema(ty: FieldType) -> Value {
    match ty {
        FieldType::String => string_schema(),
        FieldType::Boolean => json!({ "type": "boolean" }),
        FieldType::Timestamp => timestamp_schema(),
        FieldType::TimestampArray => json!({
            "type": "array",
            "maxItems": Limits::default().max_array_items,
            "items": timestamp_schema(),
        }),
        FieldType::Object => json!({ "type": "object", "$ref": "#/$defs/jsonValue" }),
        FieldType::Enum(values) => json!({ "type": "string", "enum": values }),
    }
}

/// A string within `maxStringLength` (characters, as JSON Schema counts them).
fn string_schema() -> Value {
    json!({ "type": "string", "maxLength": Limits::default().max_string_length })
}

/// Integer milliseconds since the Unix epoch in the range of a JS `Date`.
/// Inlined rather than a `$ref`, so that each field's schema stands alone.
fn timestamp_schema() -> Value {
    json!({ "type": "integer", "minimum": 0, "maximum": MAX_TIMESTAMP })
}

/// Any JSON value with no `__proto__` key at any depth: the contents of
/// `metadata` and of fields no event lists. One branch per JSON type, so that
/// each keyword sits beside the type it applies to (Ajv's strict mode asks it).
fn json_value_schema() -> Value {
    json!({
        "description": "Any JSON value with no __proto__ key at any depth, within the \
                        length and item limits.",
        "anyOf": [
            {
                "type": "object",
                "propertyNames": key_schema(),
                "additionalProperties": { "$ref": "#/$defs/jsonValue" },
            },
            {
                "type": "array",
                "maxItems": Limits::default().max_array_items,
                "items": { "$ref": "#/$defs/jsonValue" },
            },
            string_schema(),
            { "type": "number" },
            { "type": "boolean" },
            { "type": "null" },
        ],
    })
}

/// Where the reference lists a field, as a sentence.
fn listed_on(field: &FieldSpec) -> String {
    match field.listed_on {
        ListedOn::Every => "Listed on every event.".to_owned(),
        ListedOn::Event(name) => {
            let kind = EVENTS.iter().find(|e| e.name == name).map(|e| e.kind);
            let ty = kind
                .and_then(EventKind::service_type)
                .map_or("", ServiceType::as_str);
            format!("Listed on {name} ({ty}); allowed on any event.")
        }
        ListedOn::Other => "Listed on other events; allowed on any event.".to_owned(),
        ListedOn::OtherEvent(name) => {
            format!("Listed on {name} (an other event); allowed on any event.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events_of(t: ServiceType) -> Vec<&'static str> {
        EVENTS
            .iter()
            .filter(|e| e.kind.service_type() == Some(t))
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn every_known_field_is_typed_and_unknown_fields_are_allowed() {
        let schema = event_json_schema(None);
        let properties = schema["properties"].as_object().unwrap();
        assert_eq!(properties.len(), FIELDS.len() + 1);
        for field in FIELDS {
            let p = &properties[field.name];
            let ty = p["type"].as_str().unwrap();
            let expected = match field.ty {
                FieldType::Timestamp => "integer",
                FieldType::TimestampArray => "array",
                FieldType::Enum(_) => "string",
                other => other.name(),
            };
            assert_eq!(ty, expected, "{}", field.name);
        }
        assert_eq!(schema["required"], json!(["event"]));
        assert_eq!(
            schema["additionalProperties"],
            json!({ "$ref": "#/$defs/jsonValue" })
        );
    }

    #[test]
    fn timestamps_are_integer_milliseconds_in_the_range_of_a_date() {
        let schema = event_json_schema(None);
        let expected =
            json!({ "type": "integer", "minimum": 0, "maximum": 8_640_000_000_000_000u64 });
        let ts = &schema["properties"]["receptionDate"];
        assert_eq!(ts["type"], expected["type"]);
        assert_eq!(ts["minimum"], expected["minimum"]);
        assert_eq!(ts["maximum"], expected["maximum"]);
        assert_eq!(
            schema["properties"]["availabilityWindows"]["items"],
            expected
        );
    }

    #[test]
    fn enum_fields_list_their_values() {
        let schema = event_json_schema(None);
        assert_eq!(
            schema["properties"]["method"]["enum"],
            json!(["email", "phone", "email_and_phone"])
        );
    }

    #[test]
    fn the_event_name_is_a_required_non_empty_string() {
        let schema = event_json_schema(None);
        let event = &schema["properties"]["event"];
        assert_eq!(event["type"], "string");
        assert_eq!(event["minLength"], 1);
        assert!(
            event.get("not").is_none(),
            "no service type, no restriction"
        );
    }

    #[test]
    fn a_service_type_rejects_the_other_types_listed_events() {
        let depot = event_json_schema(Some(ServiceType::RepairDepot));
        let onsite = event_json_schema(Some(ServiceType::RepairOnsite));
        assert_eq!(
            depot["properties"]["event"]["not"]["enum"],
            json!(events_of(ServiceType::RepairOnsite))
        );
        assert_eq!(
            onsite["properties"]["event"]["not"]["enum"],
            json!(events_of(ServiceType::RepairDepot))
        );
        assert_ne!(depot["title"], onsite["title"]);
    }

    #[test]
    fn proto_keys_are_rejected_at_every_depth() {
        let schema = event_json_schema(None);
        let no_proto = json!({ "const": "__proto__" });
        assert_eq!(schema["propertyNames"]["not"], no_proto);
        assert_eq!(
            schema["$defs"]["jsonValue"]["anyOf"][0]["propertyNames"]["not"],
            no_proto
        );
        assert_eq!(
            schema["properties"]["metadata"]["$ref"],
            "#/$defs/jsonValue"
        );
    }

    #[test]
    fn the_limits_a_schema_can_state_are_stated() {
        let limits = Limits::default();
        let schema = event_json_schema(None);
        let p = &schema["properties"];
        assert_eq!(p["event"]["maxLength"], limits.max_event_name_length);
        assert_eq!(p["notes"]["maxLength"], limits.max_string_length);
        assert_eq!(p["availabilityWindows"]["maxItems"], limits.max_array_items);
        assert_eq!(
            schema["propertyNames"]["maxLength"],
            limits.max_string_length
        );
        let any = &schema["$defs"]["jsonValue"]["anyOf"];
        assert_eq!(
            any[0]["propertyNames"]["maxLength"],
            limits.max_string_length
        );
        assert_eq!(any[1]["maxItems"], limits.max_array_items);
        assert_eq!(any[2]["maxLength"], limits.max_string_length);
    }

    #[test]
    fn the_comment_names_every_rule_it_cannot_express() {
        let comment = event_json_schema(None)["$comment"]
            .as_str()
            .unwrap()
            .to_owned();
        for what in [
            "maxBodyBytes",
            "maxEventNameLength",
            "maxStringLength",
            "maxArrayItems",
            "maxDepth",
            "maxKeys",
            "twice",
            "surrogate",
            "NaN",
            "accepted",
            "closed",
            "possible_typo",
            "timestamp_in_seconds",
            "strict",
        ] {
            assert!(comment.contains(what), "{what}");
        }
    }
}

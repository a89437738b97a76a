//! The TypeScript declarations of the npm package (`pkg/index.d.ts`),
//! generated from the rule table so that they cannot drift from the
//! validator: `tests/typescript.rs` fails when the committed file differs
//! from [`typescript_declarations`], and rewrites it with `UPDATE_DTS=1`.

use std::fmt::Write as _;

use crate::issue::IssueCode;
use crate::options::Limits;
use crate::rules::{
    EventKind, EventSpec, FieldSpec, FieldType, ListedOn, ServiceType, EVENTS, FIELDS,
};

/// The text of `pkg/index.d.ts`.
pub fn typescript_declarations() -> String {
    let mut out = Out::default();
    out.raw(HEADER);
    out.scalars();
    out.event_fields();
    for event in EVENTS {
        out.event_interface(event);
    }
    out.other_event();
    out.unions();
    out.raw(BUILD_INPUT);
    out.timestamp_fields();
    out.field_names();
    out.order_and_options();
    out.issues();
    out.raw(CATALOG);
    out.raw(FUNCTIONS);
    out.0
}

/// One of each field type, for the `FieldTypeName` union. A new variant makes
/// the matches of this file fail to compile, and its author add it here.
const FIELD_TYPES: [FieldType; 6] = [
    FieldType::String,
    FieldType::Boolean,
    FieldType::Timestamp,
    FieldType::TimestampArray,
    FieldType::Object,
    FieldType::Enum(&[]),
];

/// The interface name of a listed event: `repair_eta` → `RepairEtaEvent`.
pub fn interface_name(event: &str) -> String {
    let mut name: String = event
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    name.push_str("Event");
    name
}

/// The TypeScript type of a field's value in an event.
pub fn field_type(ty: FieldType) -> String {
    match ty {
        FieldType::String => "string".to_owned(),
        FieldType::Boolean => "boolean".to_owned(),
        FieldType::Timestamp => "number".to_owned(),
        FieldType::TimestampArray => "number[]".to_owned(),
        FieldType::Object => "{ [key: string]: unknown }".to_owned(),
        FieldType::Enum(values) => literal_union(values),
    }
}

/// `'a' | 'b'`: string literals joined into a union.
fn literal_union(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("'{v}'"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// What a field holds, beyond its description: the unit of timestamps.
fn type_note(ty: FieldType) -> Option<&'static str> {
    match ty {
        FieldType::Timestamp => Some(
            "Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to \
             8.64e15: not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.",
        ),
        FieldType::TimestampArray => Some(
            "Each item is integer milliseconds since the Unix epoch (as `Date.now()` gives), \
             from 0 to 8.64e15. `buildEvent` also takes `Date`s or ISO-8601 strings.",
        ),
        FieldType::Object => Some("Free-form JSON data: a plain object, not `null`, not an array."),
        FieldType::Enum(_) => Some("One of the listed values, case-sensitive."),
        FieldType::String | FieldType::Boolean => None,
    }
}

/// Where the reference lists a field, for the JSDoc of `EventFields`.
fn listed_on(field: &FieldSpec) -> String {
    match field.listed_on {
        ListedOn::Every => "Listed on every event.".to_owned(),
        ListedOn::Event(name) => format!("Listed on `{name}`."),
        ListedOn::Other => "Listed on other events.".to_owned(),
        ListedOn::OtherEvent(name) => format!("Listed on `{name}`, an other event."),
    }
}

/// The limits' JSDoc, by their JS name. A limit added in `options.rs` without
/// a line here makes generation panic, so the test names what is missing.
#[allow(
    clippy::panic,
    reason = "generation time only, never on input: the test must fail loudly"
)]
fn limit_doc(name: &str) -> &'static str {
    match name {
        "maxBodyBytes" => "UTF-8 bytes of the body given to `validateEventJson`; exactly the limit is allowed.",
        "maxEventNameLength" => "Characters (Unicode code points) of the event name.",
        "maxStringLength" => "Characters of any other string anywhere in the event, keys included.",
        "maxArrayItems" => "Items of any array anywhere in the event.",
        "maxDepth" => "Nesting depth of any value: the event's own fields are depth 1, so `metadata` is 1 and its values 2.",
        "maxKeys" => "Keys of all objects of the event together, the event's own included.",
        "maxIssues" => "Errors and warnings together in one result; past it, one last `too_many_issues` issue says how many were left out.",
        other => panic!("limit {other} has no documentation in src/typescript.rs"),
    }
}

/// The declarations being written.
#[derive(Default)]
struct Out(String);

impl Out {
    fn raw(&mut self, text: &str) {
        self.0.push_str(text);
    }

    fn line(&mut self, indent: usize, text: &str) {
        let _ = writeln!(self.0, "{:indent$}{text}", "");
    }

    /// A JSDoc comment: one line when short, else one paragraph per item.
    fn doc(&mut self, indent: usize, paragraphs: &[&str]) {
        let pad = " ".repeat(indent);
        let text = paragraphs.join(" ");
        if paragraphs.len() == 1 && text.len() + indent <= 90 {
            let _ = writeln!(self.0, "{pad}/** {text} */");
            return;
        }
        let _ = writeln!(self.0, "{pad}/**");
        for (i, paragraph) in paragraphs.iter().enumerate() {
            // List items follow each other; other paragraphs are set apart.
            let item = paragraph.starts_with("- ");
            let after_item = i
                .checked_sub(1)
                .and_then(|p| paragraphs.get(p))
                .is_some_and(|p| p.starts_with("- "));
            if i > 0 && !(item && after_item) {
                let _ = writeln!(self.0, "{pad} *");
            }
            let hang = if item { "  " } else { "" };
            for (j, line) in wrap(paragraph, 90usize.saturating_sub(indent + 3 + hang.len()))
                .into_iter()
                .enumerate()
            {
                let hang = if j == 0 { "" } else { hang };
                let _ = writeln!(self.0, "{pad} * {hang}{line}");
            }
        }
        let _ = writeln!(self.0, "{pad} */");
    }

    fn scalars(&mut self) {
        self.doc(0, &["The service type of a service order: it decides which listed events the order may receive."]);
        let types: Vec<&str> = ServiceType::ALL.iter().map(|t| t.as_str()).collect();
        self.line(
            0,
            &format!("export type ServiceType = {};\n", literal_union(&types)),
        );
        self.doc(
            0,
            &["What kind of event a name denotes: a listed `repair_depot` event, a listed `repair_onsite` event, or any other name."],
        );
        let kinds = [EventKind::Depot, EventKind::Onsite, EventKind::Other].map(EventKind::as_str);
        self.line(
            0,
            &format!("export type EventKind = {};\n", literal_union(&kinds)),
        );
    }

    fn field(&mut self, field: &FieldSpec, with_listed_on: bool) {
        let mut docs = vec![if with_listed_on {
            format!("{} {}", field.description, listed_on(field))
        } else {
            field.description.to_owned()
        }];
        if let Some(note) = type_note(field.ty) {
            docs.push(note.to_owned());
        }
        let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
        self.doc(2, &docs);
        self.line(2, &format!("{}?: {};", field.name, field_type(field.ty)));
    }

    fn event_fields(&mut self) {
        self.doc(
            0,
            &[
                "Every known field, typed as the validator checks it wherever it appears: any event \
                 may carry any field, and a known field of the wrong type (or `null`) is an error in \
                 every event. Each event interface extends this one and repeats the fields the \
                 reference lists on it.",
                "A field no event lists is accepted whatever its value; `validateEvent` warns \
                 (`possible_typo`) when its name is a near miss of a known one.",
            ],
        );
        self.line(0, "export interface EventFields {");
        for field in FIELDS {
            self.field(field, true);
        }
        self.doc(2, &["A field no event lists: accepted whatever its value (an `unknown_field` error in strict mode)."]);
        self.line(2, "[field: string]: unknown;");
        self.line(0, "}\n");
    }

    fn event_interface(&mut self, event: &EventSpec) {
        let service_type = event.kind.service_type().map_or("", ServiceType::as_str);
        let summary = format!(
            "`{}`: {} A `{service_type}` event: an error for a service order of the other type.",
            event.name, event.description
        );
        self.doc(0, &[&summary]);
        self.line(
            0,
            &format!(
                "export interface {} extends EventFields {{",
                interface_name(event.name)
            ),
        );
        self.doc(2, &["The event name (case-sensitive)."]);
        self.line(2, &format!("event: '{}';", event.name));
        for field in crate::rules::fields_of(event.name) {
            self.field(field, false);
        }
        self.line(0, "}\n");
    }

    fn other_event(&mut self) {
        self.doc(
            0,
            &[
                "An event with any name that is not listed: allowed for both service types.",
                "TypeScript cannot say \"any string but the listed names\", so narrowing a \
                 `ServiceOrderEvent` on a listed name leaves `OtherEvent` in the union too; its known \
                 fields keep their types, since they are the same in every event.",
            ],
        );
        self.line(0, "export interface OtherEvent extends EventFields {");
        self.doc(
            2,
            &["Any non-empty name, case-sensitive. A near miss of a listed name (`repair_complete`) earns a `possible_typo` warning."],
        );
        self.line(2, "event: string;");
        for field in FIELDS
            .iter()
            .filter(|f| !matches!(f.listed_on, ListedOn::Event(_)))
        {
            self.field(field, matches!(field.listed_on, ListedOn::OtherEvent(_)));
        }
        self.line(0, "}\n");
    }

    fn unions(&mut self) {
        for t in ServiceType::ALL {
            let kind = if t == ServiceType::RepairDepot {
                "Depot"
            } else {
                "Onsite"
            };
            let events: Vec<&EventSpec> = EVENTS
                .iter()
                .filter(|e| e.kind.service_type() == Some(t))
                .collect();
            self.doc(
                0,
                &[&format!(
                    "The listed events of `{}` service orders, by name.",
                    t.as_str()
                )],
            );
            self.line(0, &format!("export interface {kind}Events {{"));
            for e in &events {
                self.line(2, &format!("{}: {};", e.name, interface_name(e.name)));
            }
            self.line(0, "}\n");
            self.doc(
                0,
                &[&format!(
                    "A listed event of `{}` service orders, discriminated by `event`.",
                    t.as_str()
                )],
            );
            let names: Vec<String> = events.iter().map(|e| interface_name(e.name)).collect();
            self.line(
                0,
                &format!("export type {kind}Event =\n  | {};\n", names.join("\n  | ")),
            );
        }
        self.raw(UNIONS);
    }

    fn timestamp_fields(&mut self) {
        for (name, ty, what) in [
            ("TimestampField", FieldType::Timestamp, "timestamp"),
            (
                "TimestampArrayField",
                FieldType::TimestampArray,
                "array-of-timestamps",
            ),
        ] {
            let names: Vec<&str> = FIELDS
                .iter()
                .filter(|f| f.ty == ty)
                .map(|f| f.name)
                .collect();
            self.doc(0, &[&format!("The names of the {what} fields.")]);
            self.line(
                0,
                &format!(
                    "export type {name} =\n  | {};\n",
                    literal_union(&names).replace(" | ", "\n  | ")
                ),
            );
        }
    }

    fn field_names(&mut self) {
        let names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        self.doc(0, &["The name of a known field (`event` aside)."]);
        self.line(
            0,
            &format!(
                "export type KnownFieldName =\n  | {};\n",
                literal_union(&names).replace(" | ", "\n  | ")
            ),
        );
        let types = FIELD_TYPES.map(FieldType::name);
        self.doc(0, &["The name of a field type in the catalogue."]);
        self.line(
            0,
            &format!(
                "export type FieldTypeName =\n  | {};\n",
                literal_union(&types).replace(" | ", "\n  | ")
            ),
        );
    }

    fn order_and_options(&mut self) {
        self.raw(ORDER_AND_OPTIONS);
        self.doc(
            0,
            &["The size limits that keep a hostile payload off the backend: beyond any of them is a `limit_exceeded` error. Override any of them with `ValidateOptions.limits`."],
        );
        self.line(0, "export interface Limits {");
        for (name, default) in Limits::default().named() {
            let default = group_thousands(default);
            self.doc(2, &[limit_doc(name), &format!("Default: {default}.")]);
            self.line(2, &format!("{name}: number;"));
        }
        self.line(0, "}\n");
    }

    fn issues(&mut self) {
        let mut docs = vec![
            "The stable code of an issue. Programs and tests match on codes, never on messages."
                .to_owned(),
        ];
        for code in IssueCode::ALL {
            let warning = if code.is_warning() {
                " (a warning unless `strict`)"
            } else {
                ""
            };
            docs.push(format!(
                "- `{}`: {}{warning}.",
                code.as_str(),
                code.description()
            ));
        }
        let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
        self.doc(0, &docs);
        let codes: Vec<&str> = IssueCode::ALL.iter().map(|c| c.as_str()).collect();
        self.line(
            0,
            &format!(
                "export type IssueCode =\n  | {};\n",
                literal_union(&codes).replace(" | ", "\n  | ")
            ),
        );
        self.raw(ISSUE);
    }
}

/// Splits `text` into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut last = String::new();
    for word in text.split_whitespace() {
        if !last.is_empty() && last.len() + 1 + word.len() > width {
            lines.push(std::mem::replace(&mut last, word.to_owned()));
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines.push(last);
    lines
}

/// `1048576` → `1,048,576`.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut groups = Vec::new();
    let mut end = digits.len();
    while end > 3 {
        groups.push(&digits[end - 3..end]);
        end -= 3;
    }
    groups.push(&digits[..end]);
    groups.reverse();
    groups.join(",")
}

const HEADER: &str = "\
// servicer-events: TypeScript declarations.
// Generated from the rule table (src/rules.rs) by src/typescript.rs: do not edit by hand.
// Regenerate with `UPDATE_DTS=1 cargo test --test typescript`.

";

const UNIONS: &str = "\
/** Every listed event, by name: the map behind `buildEvent`'s typed overload. */
export interface ListedEvents extends DepotEvents, OnsiteEvents {}

/** The name of a listed event. */
export type ListedEventName = keyof ListedEvents;

/** A listed event of either service type, discriminated by `event`. */
export type ListedEvent = DepotEvent | OnsiteEvent;

/**
 * An update-repair event: a listed event of either service type, or an other event.
 * `event` is the only required field.
 */
export type ServiceOrderEvent = DepotEvent | OnsiteEvent | OtherEvent;

";

const BUILD_INPUT: &str = "\
/** A timestamp as `buildEvent` takes it: milliseconds, a `Date`, or an ISO-8601 string. */
export type TimestampInput = number | Date | string;

/**
 * The fields `buildEvent` takes for an event of type `E`: those of `E` without `event`,
 * except that a timestamp may also be a `Date` or an ISO-8601 string (and so may the
 * items of a timestamp array), and a field that is `null` or `undefined` is dropped.
 */
export type EventInput<E> = {
  [K in keyof E as K extends 'event' ? never : K]?:
    | (K extends TimestampField
        ? TimestampInput
        : K extends TimestampArrayField
          ? TimestampInput[]
          : E[K])
    | null
    | undefined;
};

";

const ORDER_AND_OPTIONS: &str = "\
/**
 * The service order an event is for: the two facts the rules need. A malformed order
 * (an unknown `serviceType`, `accepted` that is not a boolean) is a `TypeError`.
 */
export interface ServiceOrder {
  /** Decides which listed events are allowed: the other type's are an error. */
  serviceType: ServiceType;
  /** `false` makes every event an error (`order_not_accepted`); absent, not checked. */
  accepted?: boolean;
  /** `true` makes every event an error (`order_closed`); absent, not checked. */
  closed?: boolean;
}

/** How to validate. `undefined` or `null` options mean the defaults. */
export interface ValidateOptions {
  /** Warnings become errors, and each field no event lists is an `unknown_field` error. */
  strict?: boolean;
  /** Limits to override; the others keep their defaults. */
  limits?: Partial<Limits>;
}

";

const ISSUE: &str = "\
/** One problem found in an event. */
export interface Issue {
  /** The stable code. */
  code: IssueCode;
  /**
   * RFC 6901 JSON Pointer into the event: `\"\"` (the whole event), `\"/receptionDate\"`,
   * `\"/availabilityWindows/2\"`.
   */
  path: string;
  /** One English sentence a technician understands. */
  message: string;
  /** What was expected, e.g. `\"timestamp (integer milliseconds since 1970)\"`. */
  expected?: string;
  /** What was received, e.g. `\"string\"`, `\"null\"`, `\"number 1.5\"`. */
  received?: string;
  /** A likely fix, e.g. `\"receivedBy\"`, `\"repair_completed\"`. */
  suggestion?: string;
  /**
   * Where the key or value is in the body, for issues of `validateEventJson`; absent
   * for `validateEvent`, and for issues about no place in the text (the order, a
   * missing event name, a body over `maxBodyBytes`, `too_many_issues`).
   */
  location?: Location;
}

/**
 * A place in a JSON body: `body.slice(offset, offset + length)` (a string body) or
 * `bytes.subarray(offset, offset + length)` (a `Uint8Array` or `ArrayBuffer` body) is
 * the key or value an issue is about.
 */
export interface Location {
  /** 1-based line; lines end at `\\n`. */
  line: number;
  /** 1-based column, in characters (Unicode code points). */
  column: number;
  /** 0-based offset: UTF-16 code units for a string body, bytes for a byte body. */
  offset: number;
  /** Length, in the same units as `offset`. */
  length: number;
}

/** The outcome of a validation: data, never an exception. */
export interface ValidationResult {
  /** No errors (warnings allowed). */
  valid: boolean;
  /** The kind of the event; `null` when its name is missing, not a string or empty. */
  kind: EventKind | null;
  /** Every error, in the order of the fields. */
  errors: Issue[];
  /** Every warning, in the order of the fields. */
  warnings: Issue[];
}

/** What `fixEvent` returns. */
export interface FixResult {
  /**
   * A new object with every suggestion applied (the argument itself when it is not an
   * object). The argument is never changed; values no fix touches are shared, not copied.
   * Validate it before sending it: a fix removes a mistake, it does not prove the rest.
   */
  event: unknown;
  /** The issues whose suggestion was applied, in the order they were found. */
  applied: Issue[];
}

/** What `buildEvent` throws when the event it built is invalid. */
export interface EventValidationError extends Error {
  /** Always `'EventValidationError'`. */
  name: 'EventValidationError';
  /** The errors of the built event. */
  errors: Issue[];
  /** The warnings of the built event. */
  warnings: Issue[];
}

";

const CATALOG: &str = "\
/** A JSON Schema (draft 2020-12) document, as `eventJsonSchema` returns it. */
export interface JsonSchema {
  /** The dialect: `https://json-schema.org/draft/2020-12/schema`. */
  $schema: string;
  /** Any other keyword. */
  [keyword: string]: unknown;
}

/** A listed event in the catalogue. */
export interface CatalogEvent {
  /** Its wire name. */
  name: ListedEventName;
  /** `depot` or `onsite`. */
  kind: Exclude<EventKind, 'other'>;
  /** The service type it belongs to. */
  serviceType: ServiceType;
  /** When a servicer sends it. */
  description: string;
  /** The fields of its recommended body, `notes` first. */
  fields: KnownFieldName[];
}

/** Other events in the catalogue: any unlisted name, allowed for both service types. */
export interface CatalogOtherEvent {
  /** Always `'other'`. */
  kind: 'other';
  /** The fields of the recommended body of other events, `notes` first. */
  fields: KnownFieldName[];
}

/** A known field in the catalogue. */
export interface CatalogField {
  /** Its key. */
  name: KnownFieldName;
  /** Its type; a `timestamp` is integer milliseconds since the Unix epoch. */
  type: FieldTypeName;
  /** The allowed values of an `enum` field; absent for other types. */
  values?: string[];
  /** The type in words, as issues say it. */
  expected: string;
  /** What it holds. */
  description: string;
  /**
   * `'every'` (any event), a listed event's name, `'other'` (other events), or the other
   * event the parameter table shows it on (`'repair_shipped'`).
   */
  listedOn: string;
}

/** An issue code in the catalogue. */
export interface CatalogIssueCode {
  /** The stable name. */
  code: IssueCode;
  /** `'error'`, or `'warning'` (an error in strict mode). */
  severity: 'error' | 'warning';
  /** What it means. */
  description: string;
}

/** Every event, field, type, enum value, issue code and default limit, as plain data. */
export interface Catalog {
  /** `['repair_depot', 'repair_onsite']`. */
  serviceTypes: ServiceType[];
  /** The listed events, in the source's recommended order. */
  events: CatalogEvent[];
  /** What any other (unlisted) event name may carry. */
  otherEvent: CatalogOtherEvent;
  /** Every known field with its type. */
  fields: CatalogField[];
  /** Every issue code with its severity and meaning. */
  issueCodes: CatalogIssueCode[];
  /** The default limits, by their `options.limits` names. */
  limits: Limits;
}

";

const FUNCTIONS: &str = "\
/**
 * Validates one event (any JS value) against the rules: all errors and warnings, never an
 * exception for a bad event.
 *
 * @param event The event, e.g. parsed from a request body or built by a form.
 * @param order The service order it is for; without it the service type is not checked.
 * @param options Strict mode and limits.
 * @throws {TypeError} When `order` or `options` is malformed (a mistake of the program).
 */
export function validateEvent(
  event: unknown,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): ValidationResult;

/**
 * Validates a raw JSON body: everything `validateEvent` checks, plus the body's size,
 * its syntax, keys that appear twice in one object and `__proto__` keys.
 *
 * @param body The request body as text or UTF-8 bytes.
 * @param order The service order it is for; without it the service type is not checked.
 * @param options Strict mode and limits.
 * @throws {TypeError} When `body` is not a string, `Uint8Array` or `ArrayBuffer`, or
 *   `order` or `options` is malformed.
 */
export function validateEventJson(
  body: string | Uint8Array | ArrayBuffer,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): ValidationResult;

/**
 * Builds a listed event, ready for `JSON.stringify`: `Date`s and ISO-8601 strings in
 * timestamp fields become milliseconds, `null` and `undefined` fields are dropped,
 * `event` comes first, and the result is validated.
 *
 * @param name A listed event name: the fields are typed for that event.
 * @param fields The event's fields.
 * @param order The service order it is for; without it the service type is not checked.
 * @param options Strict mode and limits.
 * @throws {EventValidationError} When the built event is invalid.
 */
export function buildEvent<N extends ListedEventName>(
  name: N,
  fields?: EventInput<ListedEvents[N]>,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): ListedEvents[N];

/**
 * Builds an event of any name (an other event, or a listed name held in a `string`), ready
 * for `JSON.stringify`: `Date`s and ISO-8601 strings in timestamp fields become
 * milliseconds, `null` and `undefined` fields are dropped, `event` comes first, and the
 * result is validated.
 *
 * @param name The event name.
 * @param fields The event's fields; known fields keep their types.
 * @param order The service order it is for; without it the service type is not checked.
 * @param options Strict mode and limits.
 * @throws {EventValidationError} When the built event is invalid.
 */
export function buildEvent(
  name: string,
  fields?: EventInput<OtherEvent>,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): ServiceOrderEvent;

/**
 * Applies every suggestion `validateEvent` makes: a misspelt event name or field name is
 * renamed (`repair_complete` to `repair_completed`, `recievedBy` to `receivedBy`), a
 * timestamp in seconds becomes milliseconds, a near-miss enum value becomes the listed one
 * (`Parts_Ordered` to `parts_ordered`). A rename onto a field the event already has is not
 * made. Never throws for a bad event.
 *
 * @param event The event, as `validateEvent` takes it.
 * @param order The service order it is for, as `validateEvent` takes it.
 * @param options Strict mode and limits, as `validateEvent` takes them.
 * @throws {TypeError} When `order` or `options` is malformed (a mistake of the program).
 */
export function fixEvent(
  event: unknown,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): FixResult;

/** Every event, its service type, its fields, their types and enum values, and the issue codes. */
export function eventCatalog(): Catalog;

/**
 * A JSON Schema (draft 2020-12) of the error rules, for one service type or for both when
 * none is given. Its `$comment` lists what a schema cannot express (limits, duplicate
 * keys, the order's status); warnings have no schema equivalent. The package also ships
 * it as `servicer-events/schema/{all,repair_depot,repair_onsite}.json`.
 *
 * @param serviceType The service type of the order; omit for an order of either type.
 */
export function eventJsonSchema(serviceType?: ServiceType | null): JsonSchema;
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_names_are_pascal_case() {
        assert_eq!(interface_name("repair_eta"), "RepairEtaEvent");
        assert_eq!(interface_name("batched"), "BatchedEvent");
    }

    #[test]
    fn every_listed_event_has_an_interface_and_every_field_a_type() {
        let dts = typescript_declarations();
        for event in EVENTS {
            assert!(dts.contains(&format!(
                "export interface {} extends EventFields {{",
                interface_name(event.name)
            )));
            assert!(dts.contains(&format!("event: '{}';", event.name)));
        }
        for field in FIELDS {
            assert!(
                dts.contains(&format!("{}?: {};", field.name, field_type(field.ty))),
                "{}",
                field.name
            );
        }
        for code in IssueCode::ALL {
            assert!(
                dts.contains(&format!("| '{}'", code.as_str())),
                "{}",
                code.as_str()
            );
        }
    }

    #[test]
    fn enum_fields_are_string_literal_unions() {
        assert_eq!(
            field_type(FieldType::Enum(&["email", "phone"])),
            "'email' | 'phone'"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1_048_576), "1,048,576");
        assert_eq!(group_thousands(32), "32");
        assert_eq!(group_thousands(1_000), "1,000");
    }
}

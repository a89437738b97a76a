// servicer-events: TypeScript declarations.
// Generated from the rule table (src/rules.rs) by src/typescript.rs: do not edit by hand.
// Regenerate with `UPDATE_DTS=1 cargo test --test typescript`.

/** The service type of a service order: it decides which listed events the order may receive. */
export type ServiceType = 'repair_depot' | 'repair_onsite';

/**
 * What kind of event a name denotes: a listed `repair_depot` event, a listed
 * `repair_onsite` event, or any other name.
 */
export type EventKind = 'depot' | 'onsite' | 'other';

/**
 * Every known field, typed as the validator checks it wherever it appears: any event may
 * carry any field, and a known field of the wrong type (or `null`) is an error in every
 * event. Each event interface extends this one and repeats the fields the reference lists
 * on it.
 *
 * A field no event lists is accepted whatever its value; `validateEvent` warns
 * (`possible_typo`) when its name is a near miss of a known one.
 */
export interface EventFields {
  /** Free text about the event. Listed on every event. */
  notes?: string;
  /** Who received the product. Listed on `product_received`. */
  receivedBy?: string;
  /**
   * When the product was received. Listed on `product_received`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  receptionDate?: number;
  /**
   * When the product was received (the parameter table's name). Listed on
   * `product_received`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  receivedAt?: number;
  /** Who the product was delivered to. Listed on `product_delivered`. */
  deliveredTo?: string;
  /**
   * When the product was delivered. Listed on `product_delivered`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  deliveredDate?: number;
  /**
   * When the product was delivered (the parameter table's name). Listed on
   * `product_delivered`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  deliveredAt?: number;
  /** Who diagnosed the product. Listed on `product_diagnosed`. */
  diagnosedBy?: string;
  /** What the diagnosis found. Listed on `product_diagnosed`. */
  diagnosticExplanation?: string;
  /**
   * When the diagnosis was completed. Listed on `product_diagnosed`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  diagnosticCompletedAt?: number;
  /**
   * When the repair is expected to be complete. Listed on `repair_eta`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  estimatedRepairCompletionAt?: number;
  /** Whether the repair is delayed. Listed on `repair_eta`. */
  isDelayed?: boolean;
  /** Why the repair is delayed. Listed on `repair_eta`. */
  delayReason?: string;
  /**
   * When the repair started. Listed on `repair_started`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  repairStartedAt?: number;
  /**
   * When the repair was completed. Listed on `repair_completed`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  repairCompletedAt?: number;
  /** What the repair consisted of. Listed on `repair_completed`. */
  repairExplanation?: string;
  /**
   * When the repaired product was shipped. Listed on `repair_shipped`, an other event.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  repairShippedAt?: number;
  /**
   * What happened to the parts. Listed on `part_management`.
   *
   * One of the listed values, case-sensitive.
   */
  partManagementEventType?: 'parts_needed' | 'parts_ordered' | 'parts_shipped' | 'parts_delivered';
  /**
   * What happened to the appointment. Listed on `appointment_scheduling`.
   *
   * One of the listed values, case-sensitive.
   */
  appointmentEventType?: 'scheduled' | 'rescheduled' | 'cancelled';
  /**
   * When the appointment is. Listed on `appointment_scheduling`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  appointmentDate?: number;
  /**
   * Why the customer was contacted. Listed on `customer_contact`.
   *
   * One of the listed values, case-sensitive.
   */
  customerContactEventType?: 'appointment_reminder' | 'schedule_attempt_failure' | 'appointment_requested' | 'appointment_request_confirmed';
  /**
   * How the customer was contacted. Listed on `customer_contact`.
   *
   * One of the listed values, case-sensitive.
   */
  method?: 'email' | 'phone' | 'email_and_phone';
  /**
   * When the customer was contacted. Listed on `customer_contact`.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  contactTimestamp?: number;
  /**
   * The appointment times discussed. Listed on `customer_contact`.
   *
   * Each item is integer milliseconds since the Unix epoch (as `Date.now()` gives), from
   * 0 to 8.64e15. `buildEvent` also takes `Date`s or ISO-8601 strings.
   */
  appointmentTimestamps?: number[];
  /**
   * The proposed availability windows. Listed on `batched`.
   *
   * Each item is integer milliseconds since the Unix epoch (as `Date.now()` gives), from
   * 0 to 8.64e15. `buildEvent` also takes `Date`s or ISO-8601 strings.
   */
  availabilityWindows?: number[];
  /** How the service was resolved (values not public yet). Listed on `resolved`. */
  resolutionType?: string;
  /** Why the service was resolved so (values not public yet). Listed on `resolved`. */
  reason?: string;
  /**
   * When the other event happened. Listed on other events.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  eventDate?: number;
  /**
   * Free-form data of an other event. Listed on other events.
   *
   * Free-form JSON data: a plain object, not `null`, not an array.
   */
  metadata?: { [key: string]: unknown };
  /**
   * A field no event lists: accepted whatever its value (an `unknown_field` error in
   * strict mode).
   */
  [field: string]: unknown;
}

/**
 * `product_received`: The depot received the product. A `repair_depot` event: an error
 * for a service order of the other type.
 */
export interface ProductReceivedEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'product_received';
  /** Free text about the event. */
  notes?: string;
  /** Who received the product. */
  receivedBy?: string;
  /**
   * When the product was received.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  receptionDate?: number;
  /**
   * When the product was received (the parameter table's name).
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  receivedAt?: number;
}

/**
 * `product_delivered`: The repaired product was delivered back. A `repair_depot` event:
 * an error for a service order of the other type.
 */
export interface ProductDeliveredEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'product_delivered';
  /** Free text about the event. */
  notes?: string;
  /** Who the product was delivered to. */
  deliveredTo?: string;
  /**
   * When the product was delivered.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  deliveredDate?: number;
  /**
   * When the product was delivered (the parameter table's name).
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  deliveredAt?: number;
}

/**
 * `product_diagnosed`: The product was diagnosed. A `repair_depot` event: an error for a
 * service order of the other type.
 */
export interface ProductDiagnosedEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'product_diagnosed';
  /** Free text about the event. */
  notes?: string;
  /** Who diagnosed the product. */
  diagnosedBy?: string;
  /** What the diagnosis found. */
  diagnosticExplanation?: string;
  /**
   * When the diagnosis was completed.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  diagnosticCompletedAt?: number;
}

/**
 * `repair_eta`: The estimated completion of the repair is known or changed. A
 * `repair_depot` event: an error for a service order of the other type.
 */
export interface RepairEtaEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'repair_eta';
  /** Free text about the event. */
  notes?: string;
  /**
   * When the repair is expected to be complete.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  estimatedRepairCompletionAt?: number;
  /** Whether the repair is delayed. */
  isDelayed?: boolean;
  /** Why the repair is delayed. */
  delayReason?: string;
}

/**
 * `repair_started`: The repair started. A `repair_depot` event: an error for a service
 * order of the other type.
 */
export interface RepairStartedEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'repair_started';
  /** Free text about the event. */
  notes?: string;
  /**
   * When the repair started.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  repairStartedAt?: number;
}

/**
 * `repair_completed`: The repair is complete. A `repair_depot` event: an error for a
 * service order of the other type.
 */
export interface RepairCompletedEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'repair_completed';
  /** Free text about the event. */
  notes?: string;
  /**
   * When the repair was completed.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  repairCompletedAt?: number;
  /** What the repair consisted of. */
  repairExplanation?: string;
}

/**
 * `part_management`: Parts were needed, ordered, shipped or delivered. A `repair_onsite`
 * event: an error for a service order of the other type.
 */
export interface PartManagementEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'part_management';
  /** Free text about the event. */
  notes?: string;
  /**
   * What happened to the parts.
   *
   * One of the listed values, case-sensitive.
   */
  partManagementEventType?: 'parts_needed' | 'parts_ordered' | 'parts_shipped' | 'parts_delivered';
}

/**
 * `appointment_scheduling`: An appointment was scheduled, rescheduled or cancelled. A
 * `repair_onsite` event: an error for a service order of the other type.
 */
export interface AppointmentSchedulingEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'appointment_scheduling';
  /** Free text about the event. */
  notes?: string;
  /**
   * What happened to the appointment.
   *
   * One of the listed values, case-sensitive.
   */
  appointmentEventType?: 'scheduled' | 'rescheduled' | 'cancelled';
  /**
   * When the appointment is.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  appointmentDate?: number;
}

/**
 * `customer_contact`: The customer was contacted. A `repair_onsite` event: an error for a
 * service order of the other type.
 */
export interface CustomerContactEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'customer_contact';
  /** Free text about the event. */
  notes?: string;
  /**
   * Why the customer was contacted.
   *
   * One of the listed values, case-sensitive.
   */
  customerContactEventType?: 'appointment_reminder' | 'schedule_attempt_failure' | 'appointment_requested' | 'appointment_request_confirmed';
  /**
   * How the customer was contacted.
   *
   * One of the listed values, case-sensitive.
   */
  method?: 'email' | 'phone' | 'email_and_phone';
  /**
   * When the customer was contacted.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  contactTimestamp?: number;
  /**
   * The appointment times discussed.
   *
   * Each item is integer milliseconds since the Unix epoch (as `Date.now()` gives), from
   * 0 to 8.64e15. `buildEvent` also takes `Date`s or ISO-8601 strings.
   */
  appointmentTimestamps?: number[];
}

/**
 * `batched`: Availability windows were proposed to the customer. A `repair_onsite` event:
 * an error for a service order of the other type.
 */
export interface BatchedEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'batched';
  /** Free text about the event. */
  notes?: string;
  /**
   * The proposed availability windows.
   *
   * Each item is integer milliseconds since the Unix epoch (as `Date.now()` gives), from
   * 0 to 8.64e15. `buildEvent` also takes `Date`s or ISO-8601 strings.
   */
  availabilityWindows?: number[];
}

/**
 * `resolved`: The onsite service is resolved. A `repair_onsite` event: an error for a
 * service order of the other type.
 */
export interface ResolvedEvent extends EventFields {
  /** The event name (case-sensitive). */
  event: 'resolved';
  /** Free text about the event. */
  notes?: string;
  /** How the service was resolved (values not public yet). */
  resolutionType?: string;
  /** Why the service was resolved so (values not public yet). */
  reason?: string;
}

/**
 * An event with any name that is not listed: allowed for both service types.
 *
 * TypeScript cannot say "any string but the listed names", so narrowing a
 * `ServiceOrderEvent` on a listed name leaves `OtherEvent` in the union too; its known
 * fields keep their types, since they are the same in every event.
 */
export interface OtherEvent extends EventFields {
  /**
   * Any non-empty name, case-sensitive. A near miss of a listed name (`repair_complete`)
   * earns a `possible_typo` warning.
   */
  event: string;
  /** Free text about the event. */
  notes?: string;
  /**
   * When the repaired product was shipped. Listed on `repair_shipped`, an other event.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  repairShippedAt?: number;
  /**
   * When the other event happened.
   *
   * Integer milliseconds since the Unix epoch (as `Date.now()` gives), from 0 to 8.64e15:
   * not seconds, not a string. `buildEvent` also takes a `Date` or an ISO-8601 string.
   */
  eventDate?: number;
  /**
   * Free-form data of an other event.
   *
   * Free-form JSON data: a plain object, not `null`, not an array.
   */
  metadata?: { [key: string]: unknown };
}

/** The listed events of `repair_depot` service orders, by name. */
export interface DepotEvents {
  product_received: ProductReceivedEvent;
  product_delivered: ProductDeliveredEvent;
  product_diagnosed: ProductDiagnosedEvent;
  repair_eta: RepairEtaEvent;
  repair_started: RepairStartedEvent;
  repair_completed: RepairCompletedEvent;
}

/** A listed event of `repair_depot` service orders, discriminated by `event`. */
export type DepotEvent =
  | ProductReceivedEvent
  | ProductDeliveredEvent
  | ProductDiagnosedEvent
  | RepairEtaEvent
  | RepairStartedEvent
  | RepairCompletedEvent;

/** The listed events of `repair_onsite` service orders, by name. */
export interface OnsiteEvents {
  part_management: PartManagementEvent;
  appointment_scheduling: AppointmentSchedulingEvent;
  customer_contact: CustomerContactEvent;
  batched: BatchedEvent;
  resolved: ResolvedEvent;
}

/** A listed event of `repair_onsite` service orders, discriminated by `event`. */
export type OnsiteEvent =
  | PartManagementEvent
  | AppointmentSchedulingEvent
  | CustomerContactEvent
  | BatchedEvent
  | ResolvedEvent;

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

/** The names of the timestamp fields. */
export type TimestampField =
  | 'receptionDate'
  | 'receivedAt'
  | 'deliveredDate'
  | 'deliveredAt'
  | 'diagnosticCompletedAt'
  | 'estimatedRepairCompletionAt'
  | 'repairStartedAt'
  | 'repairCompletedAt'
  | 'repairShippedAt'
  | 'appointmentDate'
  | 'contactTimestamp'
  | 'eventDate';

/** The names of the array-of-timestamps fields. */
export type TimestampArrayField =
  | 'appointmentTimestamps'
  | 'availabilityWindows';

/** The name of a known field (`event` aside). */
export type KnownFieldName =
  | 'notes'
  | 'receivedBy'
  | 'receptionDate'
  | 'receivedAt'
  | 'deliveredTo'
  | 'deliveredDate'
  | 'deliveredAt'
  | 'diagnosedBy'
  | 'diagnosticExplanation'
  | 'diagnosticCompletedAt'
  | 'estimatedRepairCompletionAt'
  | 'isDelayed'
  | 'delayReason'
  | 'repairStartedAt'
  | 'repairCompletedAt'
  | 'repairExplanation'
  | 'repairShippedAt'
  | 'partManagementEventType'
  | 'appointmentEventType'
  | 'appointmentDate'
  | 'customerContactEventType'
  | 'method'
  | 'contactTimestamp'
  | 'appointmentTimestamps'
  | 'availabilityWindows'
  | 'resolutionType'
  | 'reason'
  | 'eventDate'
  | 'metadata';

/** The name of a field type in the catalogue. */
export type FieldTypeName =
  | 'string'
  | 'boolean'
  | 'timestamp'
  | 'timestamp_array'
  | 'object'
  | 'enum';

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

/**
 * The size limits that keep a hostile payload off the backend: beyond any of them is a
 * `limit_exceeded` error. Override any of them with `ValidateOptions.limits`.
 */
export interface Limits {
  /**
   * UTF-8 bytes of the body given to `validateEventJson`; exactly the limit is allowed.
   *
   * Default: 1,048,576.
   */
  maxBodyBytes: number;
  /**
   * Characters (Unicode code points) of the event name.
   *
   * Default: 256.
   */
  maxEventNameLength: number;
  /**
   * Characters of any other string anywhere in the event, keys included.
   *
   * Default: 65,536.
   */
  maxStringLength: number;
  /**
   * Items of any array anywhere in the event.
   *
   * Default: 1,000.
   */
  maxArrayItems: number;
  /**
   * Nesting depth of any value: the event's own fields are depth 1, so `metadata` is 1
   * and its values 2.
   *
   * Default: 32.
   */
  maxDepth: number;
  /**
   * Keys of all objects of the event together, the event's own included.
   *
   * Default: 10,000.
   */
  maxKeys: number;
  /**
   * Errors and warnings together in one result; past it, one last `too_many_issues` issue
   * says how many were left out.
   *
   * Default: 100.
   */
  maxIssues: number;
}

/**
 * The stable code of an issue. Programs and tests match on codes, never on messages.
 *
 * - `not_an_object`: the event is not a JSON object.
 * - `missing_event`: the event name is missing.
 * - `invalid_type`: a field has the wrong type.
 * - `empty_event_name`: the event name is empty.
 * - `event_not_allowed_for_service_type`: the event is not allowed for the order's
 *   service type.
 * - `order_not_accepted`: the service order has not been accepted.
 * - `order_closed`: the service order is closed.
 * - `invalid_timestamp`: a timestamp is not integer milliseconds in range.
 * - `invalid_enum_value`: a value is not one of the allowed values.
 * - `limit_exceeded`: a limit was exceeded.
 * - `not_json`: a value is not JSON data.
 * - `invalid_json`: the body is not valid JSON.
 * - `duplicate_key`: a key appears twice in one object.
 * - `forbidden_key`: a forbidden key was used.
 * - `possible_typo`: a name looks like a typo (a warning unless `strict`).
 * - `timestamp_in_seconds`: a timestamp looks like seconds (a warning unless `strict`).
 * - `unknown_field`: a field no event lists.
 * - `too_many_issues`: more issues were found than a result holds.
 */
export type IssueCode =
  | 'not_an_object'
  | 'missing_event'
  | 'invalid_type'
  | 'empty_event_name'
  | 'event_not_allowed_for_service_type'
  | 'order_not_accepted'
  | 'order_closed'
  | 'invalid_timestamp'
  | 'invalid_enum_value'
  | 'limit_exceeded'
  | 'not_json'
  | 'invalid_json'
  | 'duplicate_key'
  | 'forbidden_key'
  | 'possible_typo'
  | 'timestamp_in_seconds'
  | 'unknown_field'
  | 'too_many_issues';

/** One problem found in an event. */
export interface Issue {
  /** The stable code. */
  code: IssueCode;
  /**
   * RFC 6901 JSON Pointer into the event: `""` (the whole event), `"/receptionDate"`,
   * `"/availabilityWindows/2"`.
   */
  path: string;
  /** One English sentence a technician understands. */
  message: string;
  /** What was expected, e.g. `"timestamp (integer milliseconds since 1970)"`. */
  expected?: string;
  /** What was received, e.g. `"string"`, `"null"`, `"number 1.5"`. */
  received?: string;
  /** A likely fix, e.g. `"receivedBy"`, `"repair_completed"`. */
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
  /** 1-based line; lines end at `\n`. */
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

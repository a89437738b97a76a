// The rules of /work/shared/SPEC.md, transcribed by hand and independently of
// the Rust table: the peers are built from this, so a disagreement with the
// package points at one of the two transcriptions.

export const DEPOT_EVENTS = [
  'product_received', 'product_delivered', 'product_diagnosed',
  'repair_eta', 'repair_started', 'repair_completed',
];
export const ONSITE_EVENTS = [
  'part_management', 'appointment_scheduling', 'customer_contact', 'batched', 'resolved',
];

export const ENUMS = {
  partManagementEventType: ['parts_needed', 'parts_ordered', 'parts_shipped', 'parts_delivered'],
  appointmentEventType: ['scheduled', 'rescheduled', 'cancelled'],
  customerContactEventType: [
    'appointment_reminder', 'schedule_attempt_failure',
    'appointment_requested', 'appointment_request_confirmed',
  ],
  method: ['email', 'phone', 'email_and_phone'],
};

/** Every known field but `event`: name -> type ('string' | 'boolean' | 'timestamp' | 'timestamp_array' | 'object' | 'enum'). */
export const FIELD_TYPES = {
  notes: 'string',
  receivedBy: 'string',
  receptionDate: 'timestamp',
  receivedAt: 'timestamp',
  deliveredTo: 'string',
  deliveredDate: 'timestamp',
  deliveredAt: 'timestamp',
  diagnosedBy: 'string',
  diagnosticExplanation: 'string',
  diagnosticCompletedAt: 'timestamp',
  estimatedRepairCompletionAt: 'timestamp',
  isDelayed: 'boolean',
  delayReason: 'string',
  repairStartedAt: 'timestamp',
  repairCompletedAt: 'timestamp',
  repairExplanation: 'string',
  repairShippedAt: 'timestamp',
  partManagementEventType: 'enum',
  appointmentEventType: 'enum',
  appointmentDate: 'timestamp',
  customerContactEventType: 'enum',
  method: 'enum',
  contactTimestamp: 'timestamp',
  appointmentTimestamps: 'timestamp_array',
  availabilityWindows: 'timestamp_array',
  resolutionType: 'string',
  reason: 'string',
  eventDate: 'timestamp',
  metadata: 'object',
};

/** The fields each listed event's body shows (`notes` goes on every event). */
export const EVENT_FIELDS = {
  product_received: ['receivedBy', 'receptionDate', 'receivedAt'],
  product_delivered: ['deliveredTo', 'deliveredDate', 'deliveredAt'],
  product_diagnosed: ['diagnosedBy', 'diagnosticExplanation', 'diagnosticCompletedAt'],
  repair_eta: ['estimatedRepairCompletionAt', 'isDelayed', 'delayReason'],
  repair_started: ['repairStartedAt'],
  repair_completed: ['repairCompletedAt', 'repairExplanation'],
  part_management: ['partManagementEventType'],
  appointment_scheduling: ['appointmentEventType', 'appointmentDate'],
  customer_contact: ['customerContactEventType', 'method', 'contactTimestamp', 'appointmentTimestamps'],
  batched: ['availabilityWindows'],
  resolved: ['resolutionType', 'reason'],
};
export const OTHER_EVENT_FIELDS = ['eventDate', 'metadata'];

export const MAX_TIMESTAMP = 8.64e15;

export const LIMITS = {
  maxBodyBytes: 1_048_576,
  maxEventNameLength: 256,
  maxStringLength: 65_536,
  maxArrayItems: 1_000,
  maxDepth: 32,
  maxKeys: 10_000,
};

/** The listed events an order of this service type must not receive. */
export function forbiddenEvents(serviceType) {
  if (serviceType === 'repair_depot') return ONSITE_EVENTS;
  if (serviceType === 'repair_onsite') return DEPOT_EVENTS;
  return [];
}

/** The three ways the bench calls validators: no order, a depot order, an onsite order. */
export const SERVICE_TYPES = [undefined, 'repair_depot', 'repair_onsite'];

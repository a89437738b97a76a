// Type-checked, never run: `tsc --strict --noEmit` over this file against the
// installed package (tests/types/tsc.test.mjs). Every export is used as the
// README documents it; each wrong use carries `@ts-expect-error`, so a
// declaration that stops rejecting it fails the check ("unused directive").

import {
  buildEvent,
  eventCatalog,
  eventJsonSchema,
  fixEvent,
  validateEvent,
  validateEventJson,
  type Catalog,
  type DepotEvent,
  type EventFields,
  type EventInput,
  type EventKind,
  type EventValidationError,
  type FixResult,
  type Issue,
  type Location,
  type IssueCode,
  type JsonSchema,
  type Limits,
  type ListedEvent,
  type ListedEventName,
  type OnsiteEvent,
  type OtherEvent,
  type PartManagementEvent,
  type ProductReceivedEvent,
  type RepairEtaEvent,
  type CustomerContactEvent,
  type ServiceOrder,
  type ServiceOrderEvent,
  type ServiceType,
  type TimestampInput,
  type ValidateOptions,
  type ValidationResult,
} from 'servicer-events';
import { Ajv2020, type AnySchema } from 'ajv/dist/2020.js';

// --- Event literals -------------------------------------------------------

const received: ProductReceivedEvent = {
  event: 'product_received',
  receivedBy: 'Front desk',
  receptionDate: Date.now(),
  notes: 'Box slightly damaged',
};

const eta: RepairEtaEvent = {
  event: 'repair_eta',
  estimatedRepairCompletionAt: 1_700_000_000_000,
  isDelayed: true,
  delayReason: 'Waiting for a part',
};

const parts: PartManagementEvent = { event: 'part_management', partManagementEventType: 'parts_ordered' };

const contact: CustomerContactEvent = {
  event: 'customer_contact',
  customerContactEventType: 'appointment_requested',
  method: 'email_and_phone',
  contactTimestamp: 1_700_000_000_000,
  appointmentTimestamps: [1_700_000_000_000, 1_700_003_600_000],
};

const other: OtherEvent = {
  event: 'repair_shipped',
  repairShippedAt: 1_700_000_000_000,
  eventDate: 1_700_000_000_000,
  metadata: { carrier: 'UPS', parcels: [1, 2] },
};

// Fields no event lists are accepted, whatever their value.
const withUnknownField: ProductReceivedEvent = { event: 'product_received', ticket: { id: 7 } };

// Known fields are typed wherever they appear.
const crossListed: ProductReceivedEvent = { event: 'product_received', repairStartedAt: 0 };

const depot: DepotEvent[] = [received, eta];
const onsite: OnsiteEvent[] = [parts, contact];
const listed: ListedEvent[] = [...depot, ...onsite];
const all: ServiceOrderEvent[] = [...listed, other, withUnknownField, crossListed];

// The union is discriminated by `event`.
function describe(e: ServiceOrderEvent): string {
  switch (e.event) {
    case 'repair_eta': {
      const delayed: boolean | undefined = e.isDelayed;
      return `eta ${e.estimatedRepairCompletionAt ?? '?'} ${delayed ?? ''}`;
    }
    case 'part_management': {
      const type: PartManagementEvent['partManagementEventType'] = e.partManagementEventType;
      return `parts ${type ?? '?'}`;
    }
    default:
      return e.event;
  }
}
all.map(describe);

const fields: EventFields = { notes: 'free text' };

// @ts-expect-error: a value outside the enum's list
const wrongEnum: PartManagementEvent = { event: 'part_management', partManagementEventType: 'parts_lost' };

// @ts-expect-error: an enum is case-sensitive
const wrongCase: CustomerContactEvent = { event: 'customer_contact', method: 'Email' };

// @ts-expect-error: a string timestamp in an event literal (buildEvent takes it, the wire does not)
const stringTimestamp: ProductReceivedEvent = { event: 'product_received', receptionDate: '2024-05-01' };

// @ts-expect-error: items of a timestamp array are numbers
const stringItems: CustomerContactEvent = { event: 'customer_contact', appointmentTimestamps: ['2024-05-01'] };

// @ts-expect-error: a known field has its type in every event, listed there or not
const crossWrong: ProductReceivedEvent = { event: 'product_received', repairStartedAt: 'soon' };

// @ts-expect-error: null is not a value of any type: omit the field
const nullField: RepairEtaEvent = { event: 'repair_eta', delayReason: null };

// @ts-expect-error: `event` is required
const noName: OtherEvent = { notes: 'no name' };

// @ts-expect-error: metadata is an object
const arrayMetadata: OtherEvent = { event: 'custom', metadata: [1, 2] };

// --- buildEvent -----------------------------------------------------------

const built: RepairEtaEvent = buildEvent('repair_eta', {
  estimatedRepairCompletionAt: new Date('2024-05-01T12:00:00Z'),
  isDelayed: false,
  delayReason: undefined,
  notes: null,
});
const builtDates: CustomerContactEvent = buildEvent(
  'customer_contact',
  {
    method: 'phone',
    contactTimestamp: '2024-05-01T12:00:00Z',
    appointmentTimestamps: [new Date(), '2024-05-02T09:00:00Z', 1_714_640_400_000],
  },
  { serviceType: 'repair_onsite', accepted: true, closed: false },
  { strict: true, limits: { maxStringLength: 1_000 } },
);
const builtOther: ServiceOrderEvent = buildEvent('repair_shipped', { repairShippedAt: new Date(), carrier: 'UPS' });
const anyName: string = 'custom_event';
const builtByString: ServiceOrderEvent = buildEvent(anyName, { eventDate: Date.now(), metadata: {} }, null, null);
const input: EventInput<RepairEtaEvent> = { estimatedRepairCompletionAt: '2024-05-01' };
const when: TimestampInput = new Date();
const name: ListedEventName = 'batched';
buildEvent(name, { availabilityWindows: [when] });

// @ts-expect-error: isDelayed is a boolean, in both overloads
buildEvent('repair_eta', { isDelayed: 'yes' });

// @ts-expect-error: not a listed event, so not for the typed overload
buildEvent<'repair_complete'>('repair_complete', {});

// @ts-expect-error: a wrong enum value, in both overloads
buildEvent('customer_contact', { method: 'fax' });

// @ts-expect-error: a number is not a timestamp array
buildEvent('batched', { availabilityWindows: 1_700_000_000_000 });

try {
  buildEvent('repair_started', { repairStartedAt: 'not a date' });
} catch (e) {
  const error = e as EventValidationError;
  const first: IssueCode | undefined = error.errors[0]?.code;
  console.log(error.name, first, error.warnings.length);
}

// --- Validation -----------------------------------------------------------

const order: ServiceOrder = { serviceType: 'repair_depot', accepted: true };
const options: ValidateOptions = { strict: false, limits: { maxDepth: 8, maxKeys: 100 } };
const result: ValidationResult = validateEvent({ event: 'repair_started' }, order, options);
const kind: EventKind | null = result.kind;
const issues: Issue[] = [...result.errors, ...result.warnings];
for (const issue of issues) {
  const parts: (string | undefined)[] = [issue.code, issue.path, issue.message, issue.expected, issue.received, issue.suggestion];
  console.log(parts.join(' '));
}
validateEvent(JSON.parse('{"event":"batched"}'));
validateEventJson('{"event":"batched"}');
const located: Location | undefined = validateEventJson('{"event":5}').errors[0]?.location;
if (located) console.log(located.line, located.column, located.offset, located.length);
validateEventJson(new TextEncoder().encode('{"event":"batched"}'), { serviceType: 'repair_onsite' });
validateEventJson(new ArrayBuffer(0), undefined, { limits: { maxBodyBytes: 10 } });

// @ts-expect-error: not a service type
const badOrder: ServiceOrder = { serviceType: 'repair_remote' };

// @ts-expect-error: not a limit
const badLimits: ValidateOptions = { limits: { maxFields: 3 } };

// @ts-expect-error: a body is text or bytes
validateEventJson({ event: 'batched' });

// @ts-expect-error: not an issue code
const badCode: IssueCode = 'wrong_type';

const limits: Limits = {
  maxBodyBytes: 1_048_576,
  maxEventNameLength: 256,
  maxStringLength: 65_536,
  maxArrayItems: 1_000,
  maxDepth: 32,
  maxKeys: 10_000,
  maxIssues: 100,
};

// --- fixEvent ---------------------------------------------------------------

const fixedResult: FixResult = fixEvent(JSON.parse('{"event":"repair_complete"}'), { serviceType: 'repair_depot' });
const appliedCodes: IssueCode[] = fixedResult.applied.map((i) => i.code);
// The fixed event is not trusted by its type: it is validated before it is sent.
const fixedValid: boolean = validateEvent(fixedResult.event).valid;
fixEvent(null, null, { strict: true });
// @ts-expect-error: the order is checked as for validateEvent
fixEvent({ event: 'x' }, { serviceType: 'repair_shop' });
// @ts-expect-error: the fixed event is unknown until validated
const fixedName: string = fixedResult.event.event;
void [appliedCodes, fixedValid, fixedName];

// --- Catalogue and schema --------------------------------------------------

const catalog: Catalog = eventCatalog();
const serviceType: ServiceType = 'repair_onsite';
const schema: JsonSchema = eventJsonSchema(serviceType);
const both: JsonSchema = eventJsonSchema();
const ajvSchema: AnySchema = eventJsonSchema('repair_depot');
const validate = new Ajv2020({ allErrors: true }).compile(ajvSchema);
console.log(validate(received), schema.$schema, both.title);

// @ts-expect-error: not a service type
eventJsonSchema('depot');

export {
  all,
  built,
  builtDates,
  builtOther,
  builtByString,
  catalog,
  fields,
  input,
  kind,
  limits,
  wrongEnum,
  wrongCase,
  stringTimestamp,
  stringItems,
  crossWrong,
  nullField,
  noName,
  arrayMetadata,
  badOrder,
  badLimits,
  badCode,
};

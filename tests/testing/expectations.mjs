// What each deliberately failing test must print: the issue lines
// (`path: message (code)`) and the words that say what went wrong.

const typeError = /\/receptionDate: .+ \(invalid_type\)/;
const typo = /\/recievedBy: .+ \(possible_typo\)/;
const suggestion = /did you mean "?receivedBy"?\?/;

/** Failing assertion-helper tests (node:test), by name. */
export const assertFailures = {
  'FAIL-valid': [/Expected a valid event "product_received", but it is invalid/, typeError, typo, suggestion],
  'FAIL-differ': [/missing: invalid_timestamp/, /unexpected: invalid_type at \/receptionDate/, typeError],
  'FAIL-json': [/Expected a valid JSON body/, /\/notes: .+ \(duplicate_key\)/],
  'FAIL-order': [/\(event\): .+ \(order_closed\)/],
  'FAIL-is-valid': [/Expected an invalid event "product_received" with errors invalid_type, but it is valid/],
};

/** Failing matcher tests (Vitest and Jest), by name. */
export const matcherFailures = {
  'FAIL-matcher-valid': [/expect\(received\)\.toBeValidServiceOrderEvent\(\)/, /but it is invalid/, typeError, typo, suggestion],
  'FAIL-matcher-not-valid': [/expect\(received\)\.not\.toBeValidServiceOrderEvent\(\)/, /Expected an invalid service-order event, but it is valid/],
  'FAIL-matcher-issue': [/toHaveEventIssue/, /Expected an issue invalid_timestamp at \/receptionDate/, typeError],
  'FAIL-matcher-not-issue': [/\.not\.toHaveEventIssue/, /Expected no issue invalid_type, but found 1 issue:/, typeError],
  'FAIL-assert-in-runner': [/but it is invalid/, typeError, suggestion],
  'FAIL-assert-differ-in-runner': [/missing: invalid_timestamp/, /unexpected: invalid_type at \/receptionDate/, typeError],
};

/** A line every failing run must print to the terminal. */
export const issueLine = typeError;

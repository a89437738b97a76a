'use strict';
// Sample payloads shared by every runner's tests: one valid event, one with a
// type error and a misspelt field, one JSON body with a duplicate key.

/** A valid depot event. */
exports.valid = { event: 'product_received', receivedBy: 'Ana', receptionDate: 1700000000000 };

/** An ISO date where a timestamp belongs (error) and `recievedBy` (a typo warning). */
exports.invalid = { event: 'product_received', receptionDate: '2024-01-01', recievedBy: 'Ana' };

/** JSON text whose `notes` key appears twice. */
exports.duplicateBody = '{"event":"product_received","notes":"a","notes":"b"}';

/** A depot order that is closed: every event for it is an error. */
exports.closedOrder = { serviceType: 'repair_depot', accepted: true, closed: true };

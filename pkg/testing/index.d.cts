// Types of `servicer-events/testing` (the CommonJS build; index.d.mts re-exports them).
import type { Issue, IssueCode, ServiceOrder, ValidateOptions, ValidationResult } from 'servicer-events';

/** An expected issue: its code, and its JSON Pointer path when the test cares where. */
export interface ExpectedIssue {
  /** An issue code such as `invalid_timestamp`. */
  code: IssueCode;
  /** A JSON Pointer such as `/receptionDate`; `""` is the whole event. Any path when omitted. */
  path?: string;
}

/** What `assertInvalidEvent` expects: a code, an `{ code, path }`, or a non-empty list of them. */
export type ExpectedIssues = IssueCode | ExpectedIssue | ReadonlyArray<IssueCode | ExpectedIssue>;

/** What the matchers accept as `received`: an event object, a JSON body, or a result already computed. */
export type ReceivedEvent = unknown | string | Uint8Array | ArrayBuffer | ValidationResult;

/**
 * Asserts that an event object is valid (warnings allowed unless `options.strict`).
 * @throws {import('node:assert').AssertionError} listing every issue as `path: message (code)`.
 */
export declare function assertValidEvent(event: unknown, order?: ServiceOrder | null, options?: ValidateOptions | null): void;

/**
 * Asserts that a JSON body is a valid event.
 * @throws {import('node:assert').AssertionError} listing every issue as `path: message (code)`.
 */
export declare function assertValidEventJson(
  body: string | Uint8Array | ArrayBuffer,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): void;

/**
 * Asserts that an event object is invalid with exactly these errors, in any order.
 * @throws {import('node:assert').AssertionError} when it is valid or the errors differ.
 * @throws {TypeError} when `expected` is malformed.
 */
export declare function assertInvalidEvent(
  event: unknown,
  expected: ExpectedIssues,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): void;

/**
 * Asserts that a JSON body is invalid with exactly these errors, in any order.
 * @throws {import('node:assert').AssertionError} when it is valid or the errors differ.
 * @throws {TypeError} when `expected` is malformed.
 */
export declare function assertInvalidEventJson(
  body: string | Uint8Array | ArrayBuffer,
  expected: ExpectedIssues,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): void;

/** The result a matcher returns to Vitest or Jest. */
export interface MatcherResult {
  /** Whether the assertion holds (before `.not`). */
  pass: boolean;
  /** The failure message, in the runner's style. */
  message: () => string;
}

/** Passes when `received` is a valid service-order event (an object, a JSON body or a ValidationResult). */
export declare function toBeValidServiceOrderEvent(
  this: unknown,
  received: ReceivedEvent,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): MatcherResult;

/** Passes when validating `received` reports an error or warning with this code (and path, when given). */
export declare function toHaveEventIssue(
  this: unknown,
  received: ReceivedEvent,
  code: IssueCode,
  path?: string,
  order?: ServiceOrder | null,
  options?: ValidateOptions | null,
): MatcherResult;

/** Both matchers, for `expect.extend(matchers)` in Vitest or Jest. */
export declare const matchers: {
  toBeValidServiceOrderEvent: typeof toBeValidServiceOrderEvent;
  toHaveEventIssue: typeof toHaveEventIssue;
};

/** One issue as the helpers print it: `path: message (code)`, then expected/received and the suggestion. */
export declare function formatIssue(issue: Issue): string;

/**
 * The matchers as they appear on `expect(received)`, returning `R` (void or a
 * Promise for `.resolves`); the runner-specific .d.ts files merge this in.
 */
export interface ServiceOrderEventMatchers<R = unknown> {
  /** Asserts that the received event object, JSON body or ValidationResult is valid. */
  toBeValidServiceOrderEvent(order?: ServiceOrder | null, options?: ValidateOptions | null): R;
  /** Asserts that validation reports an issue with this code, at this JSON Pointer path when given. */
  toHaveEventIssue(code: IssueCode, path?: string, order?: ServiceOrder | null, options?: ValidateOptions | null): R;
}

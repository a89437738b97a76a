// @cfworker/json-schema: the validator Cloudflare Workers users reach for
// (no code generation, so it runs where `new Function` is forbidden).
// shortCircuit = false: every error, as the package reports.

import { Validator } from '@cfworker/json-schema';

/** One Validator per schema; `validator.validate(event).valid` is the verdict. */
export const compileCfworker = (schemas) => schemas.map((s) => new Validator(s, '2020-12', false));

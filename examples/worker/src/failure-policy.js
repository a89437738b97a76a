// What the Worker does when validation itself fails (the validator throws):
// `VALIDATION_FAILURE` in wrangler.toml [vars].
import { logLine } from './log.js';

/** The policies, and the one used when the variable is unset or unknown. */
export const POLICIES = ['reject', 'forward'];
export const DEFAULT_POLICY = 'reject';

let warned = false;

/**
 * `"reject"`: answer 503 and keep the request off the backend (the default:
 * a pre-validator that cannot validate must not wave events through).
 * `"forward"`: send the request on as if it were valid, and let the backend
 * decide. An unknown value means the default, logged once per isolate.
 * @param {{ VALIDATION_FAILURE?: string }} env
 * @returns {'reject' | 'forward'}
 */
export function failurePolicy(env) {
  const value = env.VALIDATION_FAILURE;
  if (value === undefined || value === '') return DEFAULT_POLICY;
  const policy = String(value).trim().toLowerCase();
  if (POLICIES.includes(policy)) return /** @type {'reject' | 'forward'} */ (policy);
  if (!warned) {
    warned = true;
    logLine('warn', 'config_invalid', {
      variable: 'VALIDATION_FAILURE',
      value: String(value).slice(0, 40),
      using: DEFAULT_POLICY,
    });
  }
  return DEFAULT_POLICY;
}

import { describeValue } from '../errors.js';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_PLAIN_KEY_LENGTH = 64;

/**
 * The path of `key` inside `parent` for an issue: `tokens.input`, or `properties["plan.tier"]`
 * when the key is not a plain identifier (so dots stay unambiguous and huge keys are shortened).
 *
 * @example
 * ```ts
 * childPath('tokens', 'input'); // 'tokens.input'
 * childPath('', 'name'); // 'name'
 * ```
 */
export function childPath(parent: string, key: string): string {
  if (key.length <= MAX_PLAIN_KEY_LENGTH && PLAIN_KEY.test(key)) {
    return parent === '' ? key : `${parent}.${key}`;
  }
  return `${parent}[${describeValue(key)}]`;
}

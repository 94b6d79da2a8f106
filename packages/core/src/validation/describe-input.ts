import { describeValue } from '../errors.js';

/**
 * Renders an offending value for a validation message, like `describeValue` but with the right
 * article for objects (`an object`) and safe on revoked proxies, which throw when inspected.
 */
export function describeInput(value: unknown): string {
  if (typeof value === 'object' && value !== null && !isArray(value)) return 'an object';
  return describeValue(value);
}

function isArray(value: object): boolean {
  try {
    return Array.isArray(value);
  } catch {
    // A revoked Proxy throws here; it is not an array either way.
    return false;
  }
}

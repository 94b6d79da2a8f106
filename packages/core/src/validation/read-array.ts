import { TallyError } from '../errors.js';
import { describeInput } from './describe-input.js';

/**
 * Copies a submitted array (a batch, a roster) after checking that it is one and holds at most
 * `maxItems` entries; anything else refuses the whole submission with a `TallyError`. Elements
 * that throw when read become `undefined`, which the item validator then reports.
 */
export function readArray(
  input: unknown,
  options: { field: string; code: string; noun: string; maxItems: number },
): unknown[] {
  const { field, code, noun, maxItems } = options;
  let length: number;
  try {
    if (!Array.isArray(input)) throw new TypeError('not an array');
    length = input.length;
  } catch {
    throw new TallyError(`${field}: must be an array of ${noun} (got ${describeInput(input)})`, {
      code,
      field,
    });
  }
  if (length > maxItems) {
    throw new TallyError(`${field}: must hold at most ${maxItems} ${noun} (got ${length})`, {
      code,
      field,
    });
  }
  const items: unknown[] = [];
  for (let index = 0; index < length; index += 1) {
    items.push(readItem(input as unknown[], index));
  }
  return items;
}

function readItem(input: unknown[], index: number): unknown {
  try {
    return input[index];
  } catch {
    return undefined;
  }
}

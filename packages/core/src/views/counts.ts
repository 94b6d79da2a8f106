/**
 * Adds `amount` to `record[key]`. Keys are data (category ids, event names), so a key such as
 * `__proto__` is stored as an own property rather than reaching the prototype.
 */
export function addCount(record: Record<string, number>, key: string, amount: number): void {
  setCount(record, key, countOf(record, key) + amount);
}

/** `record[key]` when the record holds that key itself, else 0. */
export function countOf(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? record[key] : 0;
}

/** Sets `record[key]` as an own property, even for a key such as `__proto__`. */
export function setCount(record: Record<string, number>, key: string, value: number): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}

import type { PropertyValue } from '../event.js';
import { checkString } from './check-string.js';
import { describeInput } from './describe-input.js';
import { childPath } from './field-path.js';
import type { IssueList } from './issue-list.js';
import { MAX_PROPERTIES, MAX_PROPERTY_KEY_LENGTH, MAX_PROPERTY_VALUE_BYTES } from './limits.js';
import { RecordReader } from './record-reader.js';
import { utf8Length } from './utf8-length.js';

/**
 * Checks an event's free-form `properties`: a flat object of at most {@link MAX_PROPERTIES}
 * keys whose values are strings (at most 1 KiB of UTF-8), finite numbers, booleans or `null`.
 * Returns a copy (`undefined` when absent or empty). The key `__proto__` is refused because
 * assigning it to a plain object would replace the object's prototype.
 */
export function checkProperties(
  value: unknown,
  issues: IssueList,
): Record<string, PropertyValue> | undefined {
  if (value === undefined) return undefined;
  const record = RecordReader.open(value, 'properties', issues);
  if (!record) return undefined;
  if (record.keys.length > MAX_PROPERTIES) {
    // Checking each key of an oversized object would only bury this one issue.
    issues.add('properties', `must have at most ${MAX_PROPERTIES} keys, got ${record.keys.length}`);
    return undefined;
  }
  const properties: Record<string, PropertyValue> = {};
  for (const key of record.keys) {
    const path = childPath('properties', key);
    const validKey = checkString(key, path, issues, { maxLength: MAX_PROPERTY_KEY_LENGTH });
    if (validKey === undefined) continue;
    if (key === '__proto__') {
      issues.add(path, 'is a reserved key');
      continue;
    }
    const raw = record.get(key);
    // Like JSON.stringify, an undefined value means the key is absent.
    if (raw === undefined) continue;
    const property = checkProperty(raw, path, issues);
    if (property !== undefined) properties[key] = property;
  }
  return Object.keys(properties).length === 0 ? undefined : properties;
}

function checkProperty(value: unknown, path: string, issues: IssueList): PropertyValue | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value === 0 ? 0 : value;
    issues.add(path, `must be a finite number, got ${value}`);
    return undefined;
  }
  if (typeof value === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte, so the byte limit also bounds the length.
    const bytes = utf8Length(value);
    if (bytes > MAX_PROPERTY_VALUE_BYTES) {
      issues.add(path, `must be at most ${MAX_PROPERTY_VALUE_BYTES} bytes of UTF-8, got ${bytes}`);
      return undefined;
    }
    return checkString(value, path, issues, {
      maxLength: MAX_PROPERTY_VALUE_BYTES,
      allowEmpty: true,
    });
  }
  issues.add(
    path,
    `must be a string, number, boolean or null (properties are flat), got ${describeInput(value)}`,
  );
  return undefined;
}

/** Leading characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that force a field into quotes (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

/** A value as cell text, before escaping; `null` for an empty cell. */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'function' || typeof value === 'symbol') return null;
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    // Circular or otherwise unserialisable: an empty cell rather than a failed export.
    return null;
  }
}

/**
 * One CSV field: RFC 4180 quoting (quotes when the text holds `"`, `,`, CR or LF; quotes
 * doubled) and a guard against formula injection: text starting with `=`, `+`, `-`, `@`, tab or
 * CR gets a leading `'`. Numbers are written as numbers, so `-3` stays `-3`. `null` and
 * `undefined` give an empty field; dates give ISO-8601; objects give JSON.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("x")'); // `"'=HYPERLINK(""x"")"`
 * csvCell(-3); // `-3`
 * ```
 */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  if (text === null) return '';
  const numeric = typeof value === 'number' || typeof value === 'bigint';
  const guarded = !numeric && FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

import type { TenantSettings } from '../settings.js';
import { countOf } from './counts.js';
import { UNCATEGORIZED } from './dimension-keys.js';
import { compareText } from './sorted-rows.js';

/**
 * The category ids that have events, in display order: the tenant's configured categories in
 * their configured order, then the others by event count (most first, ties by id), and
 * `uncategorized` last unless the tenant configured it.
 */
export function orderCategories(
  totals: Readonly<Record<string, number>>,
  settings: TenantSettings | undefined,
): string[] {
  const present = Object.keys(totals).filter((id) => countOf(totals, id) > 0);
  const configured: string[] = [];
  for (const category of settings?.categories ?? []) {
    if (present.includes(category.id) && !configured.includes(category.id)) {
      configured.push(category.id);
    }
  }
  const rest = present
    .filter((id) => !configured.includes(id) && id !== UNCATEGORIZED)
    .sort((a, b) => countOf(totals, b) - countOf(totals, a) || compareText(a, b));
  const last = present.includes(UNCATEGORIZED) && !configured.includes(UNCATEGORIZED);
  return [...configured, ...rest, ...(last ? [UNCATEGORIZED] : [])];
}

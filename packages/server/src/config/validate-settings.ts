import {
  createEnricher,
  resolveRange,
  TallyError,
  type CategorySetting,
  type TenantSettings,
} from '@tally/core';
import { configError, readNumber, readObject, readString } from './config-fields.js';

const SETTING_KEYS = [
  'timezone',
  'dataFloor',
  'catalog',
  'replaceCatalog',
  'credits',
  'categories',
  'planCredits',
  'additionalCredits',
  'budget',
  'weekStartsOn',
] as const satisfies readonly (keyof TenantSettings)[];

/** A CSS colour as a config file would give it: hex, a function (`rgb(…)`, `oklch(…)`) or a name. */
const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-z]+\([0-9a-zA-Z.,%/\s+-]*\)|[a-zA-Z]+)$/;

/**
 * Validates a tenant's settings as core will use them: the time zone, data floor and first day
 * of the week as `resolveRange` reads them, the catalog and credit rules as `createEnricher`
 * does, and the categories, plan credits and budget here. Errors name the field under `field`,
 * e.g. `tenants[0].settings.catalog[2].inputPerMTok`.
 */
export function validateSettings(value: unknown, field: string, now: number): TenantSettings {
  if (value === undefined) return {};
  const settings = readObject(value, field, SETTING_KEYS) as TenantSettings;
  if (settings.replaceCatalog !== undefined && typeof settings.replaceCatalog !== 'boolean') {
    throw configError(`${field}.replaceCatalog`, 'must be true or false', settings.replaceCatalog);
  }
  readNumber(settings.planCredits, `${field}.planCredits`, 0);
  readNumber(settings.additionalCredits, `${field}.additionalCredits`, 0);
  if (settings.categories !== undefined) readCategories(settings.categories, `${field}.categories`);
  if (settings.budget !== undefined) readBudget(settings.budget, `${field}.budget`);
  withField(field, () => resolveRange({ preset: 'today' }, { now, settings }));
  withField(field, () => createEnricher(settings));
  return settings;
}

function readCategories(value: unknown, field: string): CategorySetting[] {
  if (!Array.isArray(value)) throw configError(field, 'must be an array of categories', value);
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = `${field}[${index}]`;
    const category = readObject(item, at, ['id', 'label', 'color']);
    const id = readString(category.id, `${at}.id`, { maxLength: 64 });
    if (seen.has(id)) throw configError(`${at}.id`, 'is listed twice', id);
    seen.add(id);
    if (category.label !== undefined) readString(category.label, `${at}.label`, { maxLength: 128 });
    if (category.color !== undefined) {
      readString(category.color, `${at}.color`, {
        maxLength: 64,
        pattern: COLOR,
        describe: 'a CSS colour such as #1f6feb or rgb(31 111 235)',
      });
    }
    return category as unknown as CategorySetting;
  });
}

function readBudget(value: unknown, field: string): void {
  const budget = readObject(value, field, ['measure', 'limit', 'period']);
  if (budget.measure !== 'credits' && budget.measure !== 'cost') {
    throw configError(`${field}.measure`, 'must be credits or cost', budget.measure);
  }
  if (budget.limit === undefined) throw configError(`${field}.limit`, 'is required');
  readNumber(budget.limit, `${field}.limit`, 0);
  if (budget.period !== 'month' && budget.period !== 'week') {
    throw configError(`${field}.period`, 'must be month or week', budget.period);
  }
}

/**
 * Runs core's own checks and re-labels their errors under the config path: core names fields
 * relative to the settings (`catalog[2]`, `settings.timezone`, `tz`).
 */
function withField(field: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!TallyError.isInstance(error)) throw error;
    const inner = relabel(error.field ?? '');
    const path = inner === '' ? field : `${field}.${inner}`;
    const reason =
      error.field !== undefined && error.message.startsWith(`${error.field}: `)
        ? error.message.slice(error.field.length + 2)
        : error.message;
    throw new TallyError(`${path}: ${reason}`, {
      code: 'invalid_config',
      field: path,
      cause: error,
    });
  }
}

function relabel(field: string): string {
  if (field === 'tz') return 'timezone';
  return field.startsWith('settings.') ? field.slice('settings.'.length) : field;
}

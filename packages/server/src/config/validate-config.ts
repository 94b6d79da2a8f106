import type { NormalizedConfig, NormalizedTenant, RateLimit, TallyConfig } from './config-types.js';
import {
  configError,
  readBoolean,
  readNumber,
  readObject,
  readOptionalObject,
  readString,
  readStringList,
} from './config-fields.js';
import { validateSettings } from './validate-settings.js';

const TENANT_ID = /^[A-Za-z0-9_.-]{1,64}$/;
/** Keys are opaque, but printable and without spaces, so they survive headers and URLs. */
const KEY = /^[A-Za-z0-9_.~+/=-]{16,256}$/;
const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const ORIGIN = /^(\*|https?:\/\/[^/\s]+)$/i;
const DAY_SECONDS = 86_400;
/** DESIGN §2: a batch is at most 1 MiB. */
const DEFAULT_BODY_BYTES = 1024 * 1024;

const DEFAULT_RATE_LIMITS = {
  ingest: { perSecond: 1000, burst: 2000 },
  query: { perSecond: 50, burst: 100 },
} as const;

/**
 * Validates a config file's contents and fills in the defaults. Every tenant's settings are
 * checked as core will use them, keys must be unique across tenants (a key names exactly one
 * tenant), and the token secret must be long enough for HS256.
 *
 * @throws {TallyError} `invalid_config` naming the field, e.g. `tenants[1].writeKeys[0]`.
 * @example
 * ```ts
 * const config = validateConfig(JSON.parse(readFileSync('tally.config.json', 'utf8')));
 * ```
 */
export function validateConfig(input: unknown, now = Date.now()): NormalizedConfig {
  const root = readObject(input, 'config', [
    '$schema',
    'tenants',
    'tokens',
    'cors',
    'trustedProxy',
    'geoip',
    'rateLimits',
    'limits',
    'ingest',
  ]) as Partial<Record<keyof TallyConfig, unknown>>;

  if (!Array.isArray(root.tenants) || root.tenants.length === 0) {
    throw configError('tenants', 'must be a non-empty array of tenants', root.tenants);
  }
  const keyOwners = new Map<string, string>();
  const tenantIds = new Set<string>();
  const tenants = root.tenants.map((value: unknown, index): NormalizedTenant => {
    const field = `tenants[${index}]`;
    const tenant = readObject(value, field, [
      'id',
      'name',
      'writeKeys',
      'secretKeys',
      'settings',
      'acceptIdentify',
    ]);
    const id = readString(tenant.id, `${field}.id`, {
      pattern: TENANT_ID,
      describe: '1–64 characters of A-Z a-z 0-9 _ . -',
    });
    if (tenantIds.has(id)) throw configError(`${field}.id`, 'is used by another tenant', id);
    tenantIds.add(id);
    const keyOptions = { pattern: KEY, describe: '16–256 characters without spaces' };
    const writeKeys = readStringList(tenant.writeKeys ?? [], `${field}.writeKeys`, keyOptions);
    const secretKeys = readStringList(tenant.secretKeys, `${field}.secretKeys`, {
      ...keyOptions,
      minItems: 1,
    });
    for (const [list, name] of [
      [writeKeys, 'writeKeys'],
      [secretKeys, 'secretKeys'],
    ] as const) {
      list.forEach((key, keyIndex) => {
        const at = `${field}.${name}[${keyIndex}]`;
        const owner = keyOwners.get(key);
        if (owner !== undefined) {
          throw configError(at, `is the same key as ${owner}; every key must be unique`);
        }
        keyOwners.set(key, at);
      });
    }
    return {
      id,
      name:
        tenant.name === undefined
          ? id
          : readString(tenant.name, `${field}.name`, { maxLength: 256 }),
      writeKeys,
      secretKeys,
      settings: validateSettings(tenant.settings, `${field}.settings`, now),
      acceptIdentify: readBoolean(tenant.acceptIdentify, `${field}.acceptIdentify`, true),
    };
  });

  const tokens = readObject(root.tokens, 'tokens', [
    'secret',
    'defaultTtlSeconds',
    'maxTtlSeconds',
  ]);
  const secret = readString(tokens.secret, 'tokens.secret', { maxLength: 1024 });
  if (secret.length < 32) {
    throw configError('tokens.secret', 'must be at least 32 characters (HS256 needs 256 bits)');
  }
  const maxTtlSeconds = readNumber(tokens.maxTtlSeconds, 'tokens.maxTtlSeconds', DAY_SECONDS, {
    min: 1,
    max: 30 * DAY_SECONDS,
    integer: true,
  });
  const defaultTtlSeconds = readNumber(
    tokens.defaultTtlSeconds,
    'tokens.defaultTtlSeconds',
    Math.min(3600, maxTtlSeconds),
    { min: 1, max: maxTtlSeconds, integer: true },
  );

  const cors = readOptionalObject(root.cors, 'cors', ['origins']);
  const origins =
    cors === undefined
      ? []
      : readStringList(cors.origins, 'cors.origins', {
          pattern: ORIGIN,
          describe: 'an origin such as https://app.example.com, or *',
        }).map((origin) => origin.toLowerCase());

  const proxy = readOptionalObject(root.trustedProxy, 'trustedProxy', [
    'ipHeaders',
    'hops',
    'geoHeaders',
  ]);
  const headerOptions = { pattern: HEADER, describe: 'an HTTP header name', maxLength: 128 };
  const geo = readOptionalObject(proxy?.geoHeaders, 'trustedProxy.geoHeaders', [
    'country',
    'region',
    'city',
  ]);
  const geoHeaders: NormalizedConfig['trustedProxy']['geoHeaders'] = {};
  for (const part of ['country', 'region', 'city'] as const) {
    if (geo?.[part] !== undefined) {
      geoHeaders[part] = readString(
        geo[part],
        `trustedProxy.geoHeaders.${part}`,
        headerOptions,
      ).toLowerCase();
    }
  }

  const geoip = readOptionalObject(root.geoip, 'geoip', ['database']);
  const rateLimits = readOptionalObject(root.rateLimits, 'rateLimits', ['ingest', 'query']);
  const limits = readOptionalObject(root.limits, 'limits', ['bodyBytes']);
  const ingest = readOptionalObject(root.ingest, 'ingest', ['clockSkewToleranceMs', 'maxFutureMs']);

  return {
    tenants,
    tokens: { secret, defaultTtlSeconds, maxTtlSeconds },
    cors: { origins: origins.filter((origin) => origin !== '*'), anyOrigin: origins.includes('*') },
    trustedProxy: {
      ipHeaders:
        proxy?.ipHeaders === undefined
          ? []
          : readStringList(proxy.ipHeaders, 'trustedProxy.ipHeaders', headerOptions).map((header) =>
              header.toLowerCase(),
            ),
      hops: readNumber(proxy?.hops, 'trustedProxy.hops', 1, { min: 1, max: 10, integer: true }),
      geoHeaders,
    },
    geoip:
      geoip === undefined
        ? null
        : { database: readString(geoip.database, 'geoip.database', { maxLength: 4096 }) },
    rateLimits: {
      ingest: readRate(rateLimits?.ingest, 'rateLimits.ingest', DEFAULT_RATE_LIMITS.ingest),
      query: readRate(rateLimits?.query, 'rateLimits.query', DEFAULT_RATE_LIMITS.query),
    },
    limits: {
      bodyBytes: readNumber(limits?.bodyBytes, 'limits.bodyBytes', DEFAULT_BODY_BYTES, {
        min: 1024,
        max: 64 * 1024 * 1024,
        integer: true,
      }),
    },
    ingest: {
      clockSkewToleranceMs: readNumber(
        ingest?.clockSkewToleranceMs,
        'ingest.clockSkewToleranceMs',
        2000,
        { max: DAY_SECONDS * 1000, integer: true },
      ),
      maxFutureMs: readNumber(ingest?.maxFutureMs, 'ingest.maxFutureMs', DAY_SECONDS * 1000, {
        max: 365 * DAY_SECONDS * 1000,
        integer: true,
      }),
    },
  };
}

function readRate(value: unknown, field: string, fallback: RateLimit): RateLimit {
  const rate = readOptionalObject(value, field, ['perSecond', 'burst']);
  if (rate === undefined) return { ...fallback };
  const perSecond = readNumber(rate.perSecond, `${field}.perSecond`, fallback.perSecond, {
    min: 0.001,
    max: 1e9,
  });
  const burst = readNumber(rate.burst, `${field}.burst`, Math.max(1, perSecond * 2), {
    min: 1,
    max: 1e9,
  });
  return { perSecond, burst };
}

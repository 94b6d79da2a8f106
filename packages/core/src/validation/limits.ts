/** Most events accepted in one batch (DESIGN §2); a longer batch is refused whole. */
export const MAX_BATCH_EVENTS = 500;

/** Largest batch body in bytes (1 MiB, DESIGN §2); the server checks it against the raw body. */
export const MAX_BATCH_BYTES = 1024 * 1024;

/** Longest event id, in characters. */
export const MAX_ID_LENGTH = 64;

/** Characters an event id (and a `targetId`) may use. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** Longest event name, in characters. */
export const MAX_NAME_LENGTH = 128;

/** Longest `userId`, in characters. */
export const MAX_USER_ID_LENGTH = 256;

/** Longest `agent`, in characters. */
export const MAX_AGENT_LENGTH = 128;

/** Longest `category`, in characters. */
export const MAX_CATEGORY_LENGTH = 64;

/** Longest `source`, in characters. */
export const MAX_SOURCE_LENGTH = 64;

/** Longest `endpoint`, in characters. */
export const MAX_ENDPOINT_LENGTH = 256;

/** Longest `sessionId` or `conversationId`, in characters. */
export const MAX_SESSION_ID_LENGTH = 128;

/** Longest `model` or `provider`, in characters. */
export const MAX_MODEL_LENGTH = 128;

/** Longest `errorType`, in characters. */
export const MAX_ERROR_TYPE_LENGTH = 128;

/**
 * Largest app-supplied `costUsd` of one event. It keeps the cost exact once stored as integer
 * nanodollars (1e6 USD is 1e15 nanodollars, well inside the safe-integer range).
 */
export const MAX_COST_USD = 1_000_000;

/** Longest `context.page` or `context.referrer` (URLs), in characters. */
export const MAX_CONTEXT_URL_LENGTH = 2048;

/** Longest `context.browser`, `os`, `timezone` or `locale`, in characters. */
export const MAX_CONTEXT_FIELD_LENGTH = 128;

/** Most keys in an event's `properties`. */
export const MAX_PROPERTIES = 50;

/** Longest property key, in characters. */
export const MAX_PROPERTY_KEY_LENGTH = 128;

/** Largest string property value, in UTF-8 bytes (1 KiB). */
export const MAX_PROPERTY_VALUE_BYTES = 1024;

/** Largest epoch-millisecond timestamp a JavaScript `Date` can hold (year 275760). */
export const MAX_TIMESTAMP_MS = 8.64e15;

/** Longest string accepted as an ISO-8601 timestamp, in characters. */
export const MAX_TIMESTAMP_LENGTH = 64;

/** Most users in one roster upsert. */
export const MAX_ROSTER_USERS = 10_000;

/** Longest roster user id, in characters. */
export const MAX_ROSTER_ID_LENGTH = 256;

/** Longest roster user name, in characters. */
export const MAX_ROSTER_NAME_LENGTH = 256;

/** Longest email address (RFC 3696: 64 for the local part, @, 255 for the domain). */
export const MAX_EMAIL_LENGTH = 320;

/** Most problems reported for one event or user; the rest are summarised in one last issue. */
export const MAX_ISSUES = 100;

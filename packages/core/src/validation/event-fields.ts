import type { TallyEvent } from '../event.js';
import type { StringRules } from './check-string.js';
import {
  ID_PATTERN,
  MAX_AGENT_LENGTH,
  MAX_CATEGORY_LENGTH,
  MAX_ENDPOINT_LENGTH,
  MAX_ERROR_TYPE_LENGTH,
  MAX_ID_LENGTH,
  MAX_MODEL_LENGTH,
  MAX_SESSION_ID_LENGTH,
  MAX_SOURCE_LENGTH,
  MAX_USER_ID_LENGTH,
} from './limits.js';

/** The optional free-text fields of an event. */
export type OptionalStringField =
  | 'userId'
  | 'agent'
  | 'category'
  | 'source'
  | 'endpoint'
  | 'sessionId'
  | 'conversationId'
  | 'model'
  | 'provider'
  | 'errorType';

/** Optional string fields and their longest length, in the order DESIGN §2 lists them. */
export const STRING_FIELDS: readonly (readonly [OptionalStringField, number])[] = [
  ['userId', MAX_USER_ID_LENGTH],
  ['agent', MAX_AGENT_LENGTH],
  ['category', MAX_CATEGORY_LENGTH],
  ['source', MAX_SOURCE_LENGTH],
  ['endpoint', MAX_ENDPOINT_LENGTH],
  ['sessionId', MAX_SESSION_ID_LENGTH],
  ['conversationId', MAX_SESSION_ID_LENGTH],
  ['model', MAX_MODEL_LENGTH],
  ['provider', MAX_MODEL_LENGTH],
  ['errorType', MAX_ERROR_TYPE_LENGTH],
];

const OTHER_FIELDS: readonly (keyof TallyEvent)[] = [
  'id',
  'name',
  'timestamp',
  'actor',
  'tokens',
  'costUsd',
  'credits',
  'latencyMs',
  'status',
  'feedback',
  'rating',
  'targetId',
  'value',
  'context',
  'properties',
];

/** Every top-level field of a wire event; anything else is refused as unknown. */
export const EVENT_FIELDS: ReadonlySet<string> = new Set<string>([
  ...OTHER_FIELDS,
  ...STRING_FIELDS.map(([field]) => field),
]);

/** The rules of an event id, also used for `targetId` (the id of the rated event). */
export const ID_RULES: StringRules = {
  maxLength: MAX_ID_LENGTH,
  pattern: ID_PATTERN,
  patternReason: 'must use only letters, digits and _ . : -',
};

/**
 * Snapshot suffixes providers append to a model's name: `-2024-08-06` (OpenAI), `-20250929`
 * (Anthropic), `@20250929` (Vertex AI), `-0613` and `-002` (older OpenAI and Google), `-latest`.
 */
const SNAPSHOT = /^(.+)[-@](?:\d{4}-\d{2}-\d{2}|\d{8}|\d{3,4}|latest)$/;

/**
 * The model a dated snapshot name stands for, or `undefined` when `model` carries no snapshot
 * suffix. Only date, version-number and `latest` suffixes are stripped: a variant such as
 * `gpt-4.1-nano` or `o3-pro` is a different model with a different price, so it is never taken
 * for `gpt-4.1` or `o3`.
 *
 * @example
 * ```ts
 * snapshotBase('gpt-4o-2024-08-06'); // 'gpt-4o'
 * snapshotBase('claude-sonnet-4-5-20250929'); // 'claude-sonnet-4-5'
 * snapshotBase('gpt-4.1-nano'); // undefined
 * ```
 */
export function snapshotBase(model: string): string | undefined {
  return SNAPSHOT.exec(model)?.[1];
}

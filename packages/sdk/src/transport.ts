import ky from 'ky';

/** What one POST of a batch came back with; `status` 0 means no answer (network, timeout). */
export interface PostResult {
  status: number;
  /** The parsed JSON answer, when there was one. */
  body?: unknown;
  /** A short reason for a refusal: the server's message or the error. */
  reason: string;
  /** Milliseconds the server asked to wait (`Retry-After`), when it did. */
  retryAfter?: number;
}

/** How {@link postBatch} sends. */
export interface PostOptions {
  writeKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * POSTs a batch body to the collector. This is the only module that uses `ky`, with its own
 * retries off, because retrying is the delivery policy's call. Never rejects. The delivery loads
 * it as a chunk of its own (see delivery.ts); page-close requests go through beacon.ts.
 */
export async function postBatch(
  url: string,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  try {
    const response = await ky.post(url, {
      body,
      headers: {
        authorization: `Bearer ${options.writeKey}`,
        'content-type': 'application/json',
      },
      retry: 0,
      timeout: options.timeoutMs,
      throwHttpErrors: false,
      fetch: options.fetch,
    });
    const text = await response.text();
    let parsed: { error?: { message?: unknown }; message?: unknown } | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the text itself is the reason.
    }
    const header = response.headers.get('retry-after');
    const seconds = Number(header);
    const retryAfter = header
      ? Math.max(0, seconds >= 0 ? seconds * 1000 : Date.parse(header) - Date.now()) || 0
      : undefined;
    return {
      status: response.status,
      body: parsed,
      reason: String(
        parsed?.error?.message ?? parsed?.message ?? (text.slice(0, 200) || response.statusText),
      ),
      retryAfter,
    };
  } catch (error) {
    return { status: 0, reason: String((error as Error)?.message ?? error) };
  }
}

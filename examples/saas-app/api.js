// Calls to the demo product's own backend (examples/demo-server/demo-backend.mjs), which holds
// Tally's secret key. The browser only ever has the public write key and short-lived read tokens.

async function call(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(answer?.error?.message ?? `${path} answered ${response.status}`);
  }
  return answer;
}

/**
 * What the page starts from: the Tally endpoint (absolute), the public write key, the tenant,
 * and the roster one can sign in as, each with a role (`admin` or `member`).
 *
 * @returns {Promise<{ tallyEndpoint: string, writeKey: string, tenant: string,
 *   users: { id: string, name: string, email: string | null, role: 'admin' | 'member' }[] }>}
 */
export async function loadDemo() {
  const demo = await call('/api/demo');
  return { ...demo, tallyEndpoint: new URL(demo.tallyEndpoint, location.origin).href };
}

/**
 * A read token for the signed-in user, in the shape `HttpSource`'s `fetchToken` takes. The
 * backend decides the role; the Tally server enforces it.
 *
 * @param {string} userId
 * @returns {Promise<{ token: string, expiresAt: number }>}
 */
export async function fetchReadToken(userId) {
  const { token, expiresAt } = await call('/api/token', { userId });
  return { token, expiresAt };
}

/**
 * Asks the backend to summarise a thread in the background; the backend tracks that job as
 * the assistant's (a system event).
 *
 * @param {string} conversationId
 * @returns {Promise<{ summary: string }>}
 */
export function summariseInBackground(conversationId) {
  return call('/api/jobs/thread-summary', { conversationId });
}

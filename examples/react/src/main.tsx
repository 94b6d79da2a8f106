// The page's entry: asks the demo backend (examples/demo-server) for the Tally endpoint and a
// read token for its admin, then renders the React app over an `HttpSource`.
import { HttpSource } from '@tally/widgets/http-source';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';

/** What the demo backend's `GET /api/demo` answers (the part used here). */
interface DemoInfo {
  tallyEndpoint: string;
  users: { id: string; name: string; role: 'admin' | 'member' }[];
}

/** Calls the demo backend; throws with its message on failure. */
async function call<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new Error(answer?.error?.message ?? `${path} answered ${response.status}`);
  return answer as T;
}

async function start(root: HTMLElement) {
  const demo = await call<DemoInfo>('/api/demo');
  const admin = demo.users.find((user) => user.role === 'admin');
  if (admin === undefined) throw new Error('the demo roster has no admin yet: seed the demo first');
  // The backend mints short-lived read tokens; the source asks again before one expires.
  const source = new HttpSource({
    endpoint: demo.tallyEndpoint,
    fetchToken: () =>
      call<{ token: string; expiresAt: number }>('/api/token', { userId: admin.id }),
  });
  createRoot(root).render(
    <StrictMode>
      <App source={source} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root === null) throw new Error('the page has no #root element');
start(root).catch((error: unknown) => {
  root.textContent = `Could not start: ${error instanceof Error ? error.message : String(error)}`;
});

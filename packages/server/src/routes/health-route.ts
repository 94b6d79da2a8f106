import { jsonResponse } from '../http/json-response.js';
import type { Route } from './server-state.js';

/** `GET /healthz`: liveness, without authentication or any detail about tenants. */
export const healthRoute: Route = async () => jsonResponse({ status: 'ok' });

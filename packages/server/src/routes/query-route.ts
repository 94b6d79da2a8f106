import { bearerOf } from '../auth/authenticate.js';
import { readScopeOf, scopeEngine, scopeFilters } from '../auth/read-scope.js';
import { jsonResponse } from '../http/json-response.js';
import { readJsonBody } from '../http/read-body.js';
import { readViewRequest } from '../query/read-view-request.js';
import type { Route } from './server-state.js';

/**
 * `POST /v1/query`: runs one of core's views over the caller's tenant, within the caller's
 * scope, and answers with the view's result exactly as core shapes it.
 */
export const queryRoute: Route = async (request, _info, state) => {
  const principal = await state.authenticate(bearerOf(request));
  const scope = readScopeOf(principal);
  state.rateLimit('query', scope.tenant);
  const parsed = readViewRequest(await readJsonBody(request, state.config.limits.bodyBytes));
  const viewRequest = { ...parsed.request, filters: scopeFilters(scope, parsed.request.filters) };
  const tenant = state.tenants.get(scope.tenant);
  const result = await parsed.view.run(
    {
      engine: scopeEngine(scope, state.store.engine(scope.tenant)),
      now: state.now(),
      settings: tenant?.config.settings ?? {},
    },
    viewRequest as typeof parsed.request,
  );
  return jsonResponse(result);
};

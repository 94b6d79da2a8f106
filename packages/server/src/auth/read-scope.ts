import type { Engine, EngineFilters } from '@tally/core';
import { requireKind } from './authenticate.js';
import type { Principal } from './principal.js';

/** What a reader may see: one tenant, and within it everyone (`userId: null`) or one user. */
export interface ReadScope {
  tenant: string;
  /** The only user a member sees; `null` for an admin (a secret key or an admin token). */
  userId: string | null;
}

/**
 * The one place read access is decided. A secret key and an admin token read their tenant; a
 * member token reads only its own user; write keys read nothing. The tenant always comes from
 * the credential, never from the request, so no request can name another tenant.
 */
export function readScopeOf(principal: Principal): ReadScope {
  requireKind(principal, ['secret', 'token'], 'read usage data');
  if (principal.kind === 'token' && principal.role === 'member') {
    return { tenant: principal.tenant, userId: principal.userId };
  }
  return { tenant: principal.tenant, userId: null };
}

/**
 * A view request's filters as the scope allows: a member's `users` filter is replaced by its
 * own id, whatever the client asked (not merged with it, so asking for another user cannot
 * widen or probe anything). Other filters are kept: they can only narrow further.
 */
export function scopeFilters(scope: ReadScope, filters: unknown): unknown {
  if (scope.userId === null) return filters;
  if (filters === undefined || filters === null) return { users: [scope.userId] };
  // Anything but an object is left for the view's validation to refuse; the engine is scoped
  // below either way.
  if (typeof filters !== 'object' || Array.isArray(filters)) return filters;
  return { ...filters, users: [scope.userId] };
}

/**
 * The tenant's engine as the scope allows. For a member, every query is restricted to its user
 * and the roster holds only its own record, so even a view that ignored the request's filters
 * could not return anyone else's events.
 */
export function scopeEngine(scope: ReadScope, engine: Engine): Engine {
  const { userId } = scope;
  if (userId === null) return engine;
  const restrict = (filters: EngineFilters | undefined): EngineFilters => ({
    ...filters,
    userId: filters?.userId === undefined ? [userId] : filters.userId.filter((id) => id === userId),
  });
  return {
    aggregate: (query) => engine.aggregate({ ...query, filters: restrict(query.filters) }),
    rows: (query) => engine.rows({ ...query, filters: restrict(query.filters) }),
    sessions: (query) => engine.sessions({ ...query, filters: restrict(query.filters) }),
    roster: async () => (await engine.roster()).filter((user) => user.id === userId),
  };
}

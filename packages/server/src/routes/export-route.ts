import type { ViewFilters } from '@tally/core';
import { bearerOf } from '../auth/authenticate.js';
import { readScopeOf, scopeEngine, scopeFilters } from '../auth/read-scope.js';
import { exportChunks } from '../query/export-chunks.js';
import { readExportRequest, type ExportFormat } from '../query/read-export-request.js';
import type { Route } from './server-state.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * `GET /v1/export`: streams all matching rows as CSV or JSON, in the caller's scope. The first
 * chunk is produced before answering, so a bad request still gets a 400 rather than a broken
 * 200; the rest streams, and the server stays open until it is written.
 */
export const exportRoute: Route = async (request, _info, state) => {
  const principal = await state.authenticate(bearerOf(request));
  const scope = readScopeOf(principal);
  state.rateLimit('query', scope.tenant);
  const parsed = readExportRequest(new URL(request.url).searchParams);
  const now = state.now();
  const chunks = exportChunks(
    {
      engine: scopeEngine(scope, state.store.engine(scope.tenant)),
      now,
      settings: state.tenants.get(scope.tenant)?.config.settings ?? {},
    },
    parsed,
    scopeFilters(scope, parsed.filters) as ViewFilters,
  );
  const first = await chunks.next();
  const encoder = new TextEncoder();
  let finish!: () => void;
  void state.track(new Promise<void>((resolve) => (finish = resolve)));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) {
        controller.close();
        finish();
      } else {
        controller.enqueue(encoder.encode(first.value));
      }
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          controller.close();
          finish();
        } else {
          controller.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        controller.error(error);
        finish();
      }
    },
    async cancel() {
      finish();
      await chunks.return(undefined);
    },
  });
  const day = new Date(now).toISOString().slice(0, 10);
  const extension = parsed.format === 'ndjson' ? 'ndjson' : parsed.format;
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': CONTENT_TYPES[parsed.format],
      'content-disposition': `attachment; filename="tally-${parsed.view}-${scope.tenant}-${day}.${extension}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
};

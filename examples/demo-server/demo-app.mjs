// The demo's web server as one fetch-style handler, the way a vendor's app would mount Tally:
// the Tally API under /tally on the app's own origin (no CORS to configure), the app's backend
// routes under /api, and the static files of the examples and the packages' browser bundles.

/**
 * Builds the demo's handler. `/tally/*` goes to the Tally server with the prefix removed,
 * `/` redirects to the demo app, then the backend and the static files get their turn.
 *
 * @param {{
 *   tally: { handler: (request: Request, info?: object) => Promise<Response> },
 *   backend: (request: Request) => Promise<Response | null>,
 *   files: (request: Request) => Promise<Response | null>,
 * }} parts
 * @returns {(request: Request, info?: object) => Promise<Response>}
 */
export function demoApp({ tally, backend, files }) {
  return async (request, info) => {
    const url = new URL(request.url);
    if (url.pathname === '/tally' || url.pathname.startsWith('/tally/')) {
      const inner = new URL(url.pathname.slice('/tally'.length) || '/', url);
      inner.search = url.search;
      return tally.handler(
        new Request(inner, {
          method: request.method,
          headers: request.headers,
          ...(request.body === null ? {} : { body: request.body, duplex: 'half' }),
        }),
        info,
      );
    }
    if (url.pathname === '/') {
      return new Response(null, { status: 302, headers: { location: '/saas-app/' } });
    }
    return (
      (await backend(request)) ??
      (await files(request)) ??
      new Response('Not found\n', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
    );
  };
}

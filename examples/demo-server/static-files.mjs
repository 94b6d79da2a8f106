// Serves files from a few folders as a fetch-style handler, with the right content types and no
// way out of those folders: only mounted prefixes are served, every path segment is checked
// after decoding, and the resolved file (symbolic links followed) must lie inside its folder.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { Readable } from 'node:stream';

/** Content types by file extension; other files are not served. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * A handler for static files: `mounts` maps URL prefixes ending in `/` to folders. A folder's
 * `index.html` answers its URL; a folder URL without its trailing slash is redirected to it.
 * Returns `null` for paths outside every mount, so the caller can answer them.
 *
 * @param {Record<string, string>} mounts e.g. `{ '/saas-app/': '/repo/examples/saas-app' }`
 * @returns {(request: Request) => Promise<Response | null>}
 */
export function staticFiles(mounts) {
  const entries = Object.entries(mounts).sort(([a], [b]) => b.length - a.length);
  const roots = new Map();
  const rootOf = (folder) => {
    if (!roots.has(folder))
      roots.set(
        folder,
        realpath(folder).catch(() => null),
      );
    return roots.get(folder);
  };

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const mount = entries.find(([prefix]) => path.startsWith(prefix) || `${path}/` === prefix);
    if (mount === undefined) return null;
    const [prefix, folder] = mount;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed\n', {
        status: 405,
        headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    if (`${path}/` === prefix) return redirect(`${prefix}${url.search}`);
    const segments = safeSegments(path.slice(prefix.length));
    if (segments === null) return notFound();
    const root = await rootOf(folder);
    if (root === null) return notFound();
    let file = join(root, ...segments);
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) return redirect(`${path}/${url.search}`);
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (info === null || !info.isFile()) return notFound();
    const real = await realpath(file).catch(() => null);
    if (real === null || !real.startsWith(root + sep)) return notFound();
    const type = CONTENT_TYPES[extname(real).toLowerCase()];
    if (type === undefined) return notFound();
    return new Response(Readable.toWeb(createReadStream(real)), {
      headers: {
        'content-type': type,
        'content-length': String(info.size),
        // A demo is edited while it runs: always revalidate.
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}

/**
 * The decoded segments of a path below a mount, or `null` when one could leave the folder or
 * names a hidden file: `..`, `.`, encoded slashes or backslashes, NUL, a leading dot.
 *
 * @param {string} rest
 * @returns {string[] | null}
 */
export function safeSegments(rest) {
  const segments = [];
  for (const raw of rest.split('/')) {
    if (raw === '') continue;
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

function redirect(location) {
  return new Response(null, { status: 301, headers: { location } });
}

function notFound() {
  return new Response('Not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

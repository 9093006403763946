/**
 * Encoded slashes and backslashes, NUL, and double-encoded dots and separators (`%252e`):
 * upstreams decode them differently, so none of them is forwarded.
 */
const REFUSED = /%2f|%5c|\\|%00|%25(2e|2f|5c|00)/i;

/**
 * The part of a gateway URL after `/gateway/{api}`, normalised so that it can never leave
 * the API's base path: `.` and `..` segments (also as %2e) are resolved inside it,
 * repeated slashes collapse, and encoded slashes or backslashes, which upstreams decode
 * differently, are refused. Returns null for a path that is refused.
 */
export function normaliseRestPath(rawPath: string): string | null {
  if (REFUSED.test(rawPath)) return null;
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    // Only a segment with a dot or an escape can be a dot segment in disguise.
    const dots = segment.includes('%') ? segment.replace(/%2e/gi, '.').replace(/%3b/gi, ';') : segment;
    // `..;x/` is a parent directory to Tomcat-style upstreams (path parameters).
    if (dots.startsWith('.;') || dots.startsWith('..;')) return null;
    if (segment === '' || dots === '.') continue;
    if (dots === '..') {
      if (segments.length === 0) return null;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  const trailing = rawPath.length > 1 && rawPath.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

/** The upstream path: the API's base path, then the normalised rest, then the query string. */
export function upstreamPath(basePath: string, rest: string, query: string): string {
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  const path = rest === '/' && base ? base || '/' : `${base}${rest}`;
  return query ? `${path}?${query}` : path;
}

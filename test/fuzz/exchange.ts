import { bodyOf, rawExchange, statusOf } from '../helpers/raw-http';
import type { SentRequest } from './plan';

export interface Answer {
  status: number;
  /** lower-case names */
  headers: Record<string, string>;
  body: string;
}

/** What fetch refuses to send, or sends its own way. */
const FORBIDDEN_METHODS = ['TRACE', 'TRACK', 'CONNECT'];
const FORBIDDEN_HEADERS = ['transfer-encoding', 'content-length', 'connection', 'host'];

/**
 * fetch when it would send the bytes as given (it is faster: keep-alive), the raw socket
 * when it would not: forbidden methods, a body on GET/HEAD or without a Content-Type (fetch
 * adds text/plain), framing headers, a target its URL parser rewrites (dot segments,
 * unescaped bytes), header values it refuses or trims.
 */
export function needsRawSocket(baseUrl: string, request: SentRequest): boolean {
  if (
    FORBIDDEN_METHODS.includes(request.method) ||
    Object.keys(request.headers).some((name) => FORBIDDEN_HEADERS.includes(name))
  )
    return true;
  if (
    request.body !== undefined &&
    (request.method === 'GET' || request.method === 'HEAD' || !request.headers['content-type'])
  )
    return true;
  if (Object.values(request.headers).some((value) => /[^\t\x20-\x7e]/.test(value) || value !== value.trim()))
    return true;
  const url = new URL(baseUrl + request.target);
  return url.pathname + url.search !== request.target;
}

export async function send(baseUrl: string, request: SentRequest): Promise<Answer> {
  if (Buffer.isBuffer(request.body) || !needsRawSocket(baseUrl, request)) return viaFetch(baseUrl, request);
  return viaSocket(baseUrl, request);
}

async function viaFetch(baseUrl: string, request: SentRequest): Promise<Answer> {
  const res = await fetch(baseUrl + request.target, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name] = value));
  return { status: res.status, headers, body: await res.text() };
}

async function viaSocket(baseUrl: string, request: SentRequest): Promise<Answer> {
  const body = (request.body as string | undefined) ?? '';
  const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${new URL(baseUrl).host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  if (request.body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  const answer = await rawExchange(baseUrl, `${lines.join('\r\n')}\r\n\r\n${body}`);
  const headerEnd = answer.indexOf('\r\n\r\n');
  if (headerEnd === -1)
    throw new Error(
      `the server closed the connection without a complete answer: ${JSON.stringify(answer.slice(0, 200))}`,
    );
  const head = answer.slice(0, headerEnd);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: statusOf(answer), headers, body: request.method === 'HEAD' ? '' : bodyOf(answer) };
}

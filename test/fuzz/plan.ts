import { Deferred, describeValue, resolveDeferred, toJsonText, Value } from './json-text';
import type { Operation } from './openapi';

/** A path segment as sent (already percent-encoded), or one fetched at send time. */
export type PathValue = string | Deferred;

export interface BodyPlan {
  contentType?: string;
  /** a JSON value, serialized at send time */
  json?: Value;
  /** or the exact bytes */
  bytes?: string | Buffer;
}

/** One request, as data: what to send and why. */
export interface RequestPlan {
  /** undefined for a request outside the document: an undeclared method or path, malformed HTTP */
  op?: Operation;
  /** without an operation: the statuses it must be answered with */
  expected?: number[];
  method: string;
  /** the document's template, or a literal path */
  path: string;
  pathParams: Record<string, PathValue>;
  /** [name, value as sent (percent-encoded)] */
  query: Array<[string, string]>;
  headers: Record<string, string | Deferred>;
  body?: BodyPlan;
  identity: string;
  /** carries the identity's real credentials (an operation that requires them must refuse others) */
  credentials: boolean;
  /** `kind` groups findings ("query: 1e20"); `detail` says where ("offset") */
  mutation: { kind: string; detail?: string };
}

export interface SentRequest {
  method: string;
  /** path and query exactly as sent */
  target: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** one line for reports */
  summary: string;
}

export function withMutation(plan: RequestPlan, kind: string, detail?: string): RequestPlan {
  return { ...plan, mutation: { kind, detail } };
}

export async function realize(plan: RequestPlan): Promise<SentRequest> {
  let path = plan.path;
  for (const [name, value] of Object.entries(plan.pathParams)) {
    const segment = value instanceof Deferred ? encodeURIComponent(await value.get()) : value;
    path = path.replace(`{${name}}`, () => segment);
  }
  const target =
    plan.query.length === 0 ? path : `${path}?${plan.query.map(([name, value]) => `${name}=${value}`).join('&')}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(plan.headers))
    headers[name] = value instanceof Deferred ? await value.get() : value;
  let body: string | Buffer | undefined;
  if (plan.body?.json !== undefined) body = toJsonText(await resolveDeferred(plan.body.json));
  else if (plan.body?.bytes !== undefined) body = plan.body.bytes;
  if (plan.body?.contentType) headers['content-type'] = plan.body.contentType;
  return { method: plan.method, target, headers, body, summary: summarize(plan, target) };
}

function summarize(plan: RequestPlan, target: string): string {
  const where = plan.mutation.detail ? ` at ${plan.mutation.detail}` : '';
  const shownTarget = target.length > 240 ? `${target.slice(0, 240)}…(${target.length} chars)` : target;
  let body = '';
  if (plan.body?.json !== undefined) body = ` body ${describeValue(plan.body.json)}`;
  else if (plan.body?.bytes !== undefined)
    body = ` body ${plan.body.bytes.length} bytes ${JSON.stringify(plan.body.bytes.toString().slice(0, 60))}`;
  const type = plan.body?.contentType ? ` (${plan.body.contentType})` : '';
  return `[${plan.identity}] ${plan.method} ${shownTarget}${body}${type} — ${plan.mutation.kind}${where}`;
}

/**
 * Request values as data: JSON-like trees whose leaves may be exact JSON text (numbers JS
 * cannot print, lone surrogate escapes, 5,000 levels of nesting) or values only known when
 * the request is sent (a fresh fixture, a fresh session).
 */

/** JSON text written into the body exactly as given. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A string fetched at send time: a fresh fixture's id, a new session's token. */
export class Deferred {
  constructor(
    readonly name: string,
    readonly get: () => Promise<string>,
  ) {}
}

export type Value = null | boolean | number | string | RawJson | Deferred | Value[] | { [key: string]: Value };

export async function resolveDeferred(value: Value): Promise<Value> {
  if (value instanceof Deferred) return value.get();
  if (Array.isArray(value)) return Promise.all(value.map(resolveDeferred));
  if (value && typeof value === 'object' && !(value instanceof RawJson)) {
    const out: Record<string, Value> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await resolveDeferred(item);
    return out;
  }
  return value;
}

/** JSON text of a value whose Deferred leaves are already resolved. */
export function toJsonText(value: Value): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof Deferred) throw new Error(`unresolved ${value.name}`);
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short, readable rendering for reports: long strings and raw text are elided. */
export function describeValue(value: Value, max = 160): string {
  const text = summarize(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function summarize(value: Value): string {
  if (value instanceof RawJson)
    return value.text.length > 40 ? `${value.text.slice(0, 20)}…(${value.text.length} chars)` : value.text;
  if (value instanceof Deferred) return `<${value.name}>`;
  if (typeof value === 'string')
    return value.length > 40 ? `"${value.slice(0, 20)}…(${value.length} chars)"` : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(summarize).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}:${summarize(item)}`)
      .join(',')}}`;
  }
  return String(value);
}

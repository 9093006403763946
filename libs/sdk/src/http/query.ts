export type QueryValue = string | number | boolean | Date | null | undefined;
/** Any object of query values (interfaces included, hence not an index signature). */
export type Query = object;

/** `?a=1&b=x` from the defined values (dates as ISO 8601), or '' when there are none. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === undefined || value === null) continue;
    params.append(name, value instanceof Date ? value.toISOString() : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

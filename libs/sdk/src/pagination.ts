import type { Page } from './types';

export type PageFetcher<T> = (page: { limit: number; offset: number }) => Promise<Page<T>>;

export interface ListAllOptions {
  /** Items per request (the server allows 1–200). Default 100. */
  pageSize?: number;
  /** Where to start. Default 0. */
  offset?: number;
}

/**
 * Every item of an offset-paginated list, one page at a time:
 * `for await (const key of client.apiKeys.listAll()) ...`.
 */
export async function* paginate<T>(
  fetchPage: PageFetcher<T>,
  options: ListAllOptions = {},
): AsyncGenerator<T, void, undefined> {
  const limit = options.pageSize ?? 100;
  let offset = options.offset ?? 0;
  for (;;) {
    const page = await fetchPage({ limit, offset });
    yield* page.data;
    offset += page.data.length;
    if (page.data.length === 0 || offset >= page.meta.total) return;
  }
}

import type { ApiRequester, CallOptions } from '../http/api-requester';
import { ListAllOptions, paginate } from '../pagination';
import type { Api, CreateApiInput, Envelope, Page, PageQuery, UpdateApiInput } from '../types';

const BASE = '/api/v1/admin/apis';

/** `/api/v1/admin/apis`: the registry of upstream APIs behind `/gateway/{name}`. */
export class ApisResource {
  constructor(private readonly http: ApiRequester) {}

  list(query: PageQuery = {}, options?: CallOptions): Promise<Page<Api>> {
    return this.http.json<Page<Api>>('GET', BASE, { ...options, query });
  }

  listAll(page: ListAllOptions = {}, options?: CallOptions): AsyncGenerator<Api, void, undefined> {
    return paginate((query) => this.list(query, options), page);
  }

  async get(id: string, options?: CallOptions): Promise<Api> {
    return (await this.http.json<Envelope<Api>>('GET', `${BASE}/${encodeURIComponent(id)}`, options)).data;
  }

  async create(input: CreateApiInput, options?: CallOptions): Promise<Api> {
    return (await this.http.json<Envelope<Api>>('POST', BASE, { ...options, body: input })).data;
  }

  async update(id: string, input: UpdateApiInput, options?: CallOptions): Promise<Api> {
    return (
      await this.http.json<Envelope<Api>>('PATCH', `${BASE}/${encodeURIComponent(id)}`, { ...options, body: input })
    ).data;
  }

  async delete(id: string, options?: CallOptions): Promise<void> {
    await this.http.json<void>('DELETE', `${BASE}/${encodeURIComponent(id)}`, options);
  }
}

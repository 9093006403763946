import type { ApiRequester, CallOptions } from '../http/api-requester';
import { ListAllOptions, paginate } from '../pagination';
import type {
  ApiKey,
  ApiKeyWithSecret,
  CreateApiKeyInput,
  Envelope,
  Page,
  PageQuery,
  RotateApiKeyInput,
  UpdateApiKeyInput,
} from '../types';

const BASE = '/api/v1/keys';

/** `/api/v1/keys`: the caller's keys (an admin's: everyone's). */
export class ApiKeysResource {
  constructor(private readonly http: ApiRequester) {}

  list(query: PageQuery = {}, options?: CallOptions): Promise<Page<ApiKey>> {
    return this.http.json<Page<ApiKey>>('GET', BASE, { ...options, query });
  }

  listAll(page: ListAllOptions = {}, options?: CallOptions): AsyncGenerator<ApiKey, void, undefined> {
    return paginate((query) => this.list(query, options), page);
  }

  async get(id: string, options?: CallOptions): Promise<ApiKey> {
    return (await this.http.json<Envelope<ApiKey>>('GET', `${BASE}/${encodeURIComponent(id)}`, options)).data;
  }

  /** The answer carries the secret `key`: it is shown this once. */
  async create(input: CreateApiKeyInput, options?: CallOptions): Promise<ApiKeyWithSecret> {
    return (await this.http.json<Envelope<ApiKeyWithSecret>>('POST', BASE, { ...options, body: input })).data;
  }

  async update(id: string, input: UpdateApiKeyInput, options?: CallOptions): Promise<ApiKey> {
    return (
      await this.http.json<Envelope<ApiKey>>('PATCH', `${BASE}/${encodeURIComponent(id)}`, { ...options, body: input })
    ).data;
  }

  async revoke(id: string, options?: CallOptions): Promise<void> {
    await this.http.json<void>('DELETE', `${BASE}/${encodeURIComponent(id)}`, options);
  }

  /** A new secret for the same key; the old one stops working (after `gracePeriodSeconds`). */
  async rotate(id: string, input: RotateApiKeyInput = {}, options?: CallOptions): Promise<ApiKeyWithSecret> {
    return (
      await this.http.json<Envelope<ApiKeyWithSecret>>('POST', `${BASE}/${encodeURIComponent(id)}/rotate`, {
        ...options,
        body: input,
      })
    ).data;
  }
}

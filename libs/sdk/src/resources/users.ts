import type { ApiRequester, CallOptions } from '../http/api-requester';
import { ListAllOptions, paginate } from '../pagination';
import type { CreateUserInput, Envelope, ListUsersQuery, Page, UpdateUserInput, User } from '../types';

const BASE = '/api/v1/admin/users';

/** `/api/v1/admin/users` (admins). */
export class UsersResource {
  constructor(private readonly http: ApiRequester) {}

  list(query: ListUsersQuery = {}, options?: CallOptions): Promise<Page<User>> {
    return this.http.json<Page<User>>('GET', BASE, { ...options, query });
  }

  listAll(
    filters: Omit<ListUsersQuery, 'limit' | 'offset'> = {},
    page: ListAllOptions = {},
    options?: CallOptions,
  ): AsyncGenerator<User, void, undefined> {
    return paginate((window) => this.list({ ...filters, ...window }, options), page);
  }

  async get(id: string, options?: CallOptions): Promise<User> {
    return (await this.http.json<Envelope<User>>('GET', `${BASE}/${encodeURIComponent(id)}`, options)).data;
  }

  async create(input: CreateUserInput, options?: CallOptions): Promise<User> {
    return (await this.http.json<Envelope<User>>('POST', BASE, { ...options, body: input })).data;
  }

  /** A role change ends the user's current access tokens at once. */
  async update(id: string, input: UpdateUserInput, options?: CallOptions): Promise<User> {
    return (
      await this.http.json<Envelope<User>>('PATCH', `${BASE}/${encodeURIComponent(id)}`, { ...options, body: input })
    ).data;
  }

  /** Also revokes the user's keys and refresh tokens. */
  async delete(id: string, options?: CallOptions): Promise<void> {
    await this.http.json<void>('DELETE', `${BASE}/${encodeURIComponent(id)}`, options);
  }

  /** Ends every sign-in of the user (their API keys keep working). */
  async endSessions(id: string, options?: CallOptions): Promise<void> {
    await this.http.json<void>('DELETE', `${BASE}/${encodeURIComponent(id)}/sessions`, options);
  }
}

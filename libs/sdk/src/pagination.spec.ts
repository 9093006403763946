import { FakeServer, sendJson } from '../testing/fake-server';
import { DataHubClient } from './client';

describe('listAll (offset pagination)', () => {
  const server = new FakeServer();
  const items = Array.from({ length: 5 }, (_, i) => ({ id: `id-${i}` }));
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() =>
    server.handle((req, res) => {
      const url = new URL(req.url, server.url);
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      sendJson(res, 200, { data: items.slice(offset, offset + limit), meta: { total: items.length, limit, offset } });
    }),
  );

  const client = () => new DataHubClient({ baseUrl: server.url, accessToken: 't' });

  it('walks every page in order and stops at meta.total', async () => {
    const seen: string[] = [];
    for await (const key of client().apiKeys.listAll({ pageSize: 2 })) seen.push(key.id);
    expect(seen).toEqual(['id-0', 'id-1', 'id-2', 'id-3', 'id-4']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/keys?limit=2&offset=0',
      '/api/v1/keys?limit=2&offset=2',
      '/api/v1/keys?limit=2&offset=4',
    ]);
  });

  it('starts at an offset and stops early when the caller breaks', async () => {
    const seen: string[] = [];
    for await (const api of client().apis.listAll({ pageSize: 2, offset: 1 })) {
      seen.push(api.id);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['id-1', 'id-2']);
    expect(server.requests).toHaveLength(1);
  });

  it('passes filters along with every page', async () => {
    const seen: string[] = [];
    for await (const user of client().users.listAll({ role: 'developer' }, { pageSize: 3 })) seen.push(user.id);
    expect(seen).toHaveLength(5);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/v1/admin/users?role=developer&limit=3&offset=0',
      '/api/v1/admin/users?role=developer&limit=3&offset=3',
    ]);
  });
});

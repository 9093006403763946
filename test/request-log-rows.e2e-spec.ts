import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  idOf,
  RequestLogRows,
  type RequestLogEntry,
  type RequestLogRow,
} from '../libs/analytics/src/logs/request-log-rows';
import { nextRowSequence, timeOrderedUuid } from '../libs/analytics/src/logs/time-ordered-uuid';
import { startTestApp, TestApp } from './helpers/test-app';

/** The request-log batch writes on real PostgreSQL: binary COPY's encoding of awkward values, and idempotence. */
describe('request-log rows: COPY, with the idempotent INSERT behind it', () => {
  let t: TestApp;
  let dataSource: DataSource;
  const apiId = randomUUID();

  beforeAll(async () => {
    t = await startTestApp();
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const row = (path: string, extra: Partial<RequestLogEntry> = {}): RequestLogRow => ({
    sequence: nextRowSequence(),
    apiKeyId: null,
    apiId,
    method: 'GET',
    path,
    statusCode: 200,
    latencyMs: 3,
    timestamp: Date.now(),
    requestId: randomUUID(),
    ip: '203.0.113.9',
    bytesIn: 0,
    bytesOut: 120,
    ...extra,
  });

  const stored = async (ids: string[]) =>
    (await dataSource.query(
      `SELECT id, api_key_id, path, status_code, latency_ms, "timestamp", metadata FROM request_logs WHERE id = ANY($1) ORDER BY id`,
      [ids],
    )) as Array<{
      id: string;
      api_key_id: string | null;
      path: string;
      status_code: number;
      latency_ms: number;
      timestamp: Date;
      metadata: Record<string, unknown>;
    }>;

  it.each([true, false])('stores every value exactly, special characters included (COPY: %s)', async (useCopy) => {
    const awkward = [
      row('/gateway/x/back\\slash\\\\n', { requestId: 'req "quoted" \\ id' }),
      row('/gateway/x/tab\there/new\nline/cr\r', { ip: '::1', bytesOut: null, apiKeyId: randomUUID() }),
      row('/gateway/x/ünïcödé/€/😀', { statusCode: 599, latencyMs: 60_000, timestamp: Date.now() - 1_234 }),
      row('/gateway/x/\\N', { method: 'DELETE', bytesIn: 1_048_576 }),
      row('/gateway/x/before-2000', {
        timestamp: Date.UTC(1999, 11, 31, 23, 59, 59, 999),
        latencyMs: 0,
        statusCode: 499,
      }),
    ];
    const writer = new RequestLogRows(dataSource, useCopy);
    await writer.write(awkward);
    // no silent detour: COPY took the batch itself
    expect(writer.stats).toEqual({ copied: useCopy ? 1 : 0, insertedAfterRefusal: 0 });

    const rows = await stored(awkward.map(idOf));
    const expected = [...awkward].sort((a, b) => idOf(a).localeCompare(idOf(b)));
    expect(rows.map((r) => r.id)).toEqual(expected.map(idOf));
    expect(rows.map((r) => r.path)).toEqual(expected.map((r) => r.path));
    expect(rows.map((r) => r.api_key_id)).toEqual(expected.map((r) => r.apiKeyId));
    expect(rows.map((r) => r.status_code)).toEqual(expected.map((r) => r.statusCode));
    expect(rows.map((r) => r.latency_ms)).toEqual(expected.map((r) => r.latencyMs));
    expect(rows.map((r) => r.timestamp.getTime())).toEqual(expected.map((r) => r.timestamp));
    expect(rows.map((r) => r.metadata)).toEqual(
      expected.map((r) => ({
        requestId: r.requestId,
        ip: r.ip,
        bytesIn: r.bytesIn,
        ...(r.bytesOut === null ? {} : { bytesOut: r.bytesOut }),
      })),
    );
  });

  it.each([true, false])(
    "derives each row's id from its timestamp and sequence, and keeps the id of a row spooled by an earlier version (COPY: %s)",
    async (useCopy) => {
      const recorded = row('/gateway/x/sequenced');
      const { sequence: _, ...entry } = row('/gateway/x/spooled-by-an-earlier-version');
      const spooled: RequestLogRow = { ...entry, id: randomUUID() };
      const writer = new RequestLogRows(dataSource, useCopy);
      await writer.write([recorded, spooled]);
      expect(writer.stats.insertedAfterRefusal).toBe(0);

      const ids = [timeOrderedUuid(recorded.timestamp, recorded.sequence!), spooled.id];
      expect((await stored(ids)).map((r) => [r.id, r.path])).toEqual(
        [
          [ids[0], recorded.path],
          [ids[1], spooled.path],
        ].sort((a, b) => a[0].localeCompare(b[0])),
      );
    },
  );

  it('copies a batch far larger than its first buffer, multi-byte paths of the longest length included', async () => {
    const writer = new RequestLogRows(dataSource, true);
    const batch = Array.from({ length: 300 }, (_, i) => row(`/gateway/x/${'€'.repeat(2_000)}/${i}`.slice(0, 2048)));
    await writer.write(batch);
    expect(writer.stats).toEqual({ copied: 1, insertedAfterRefusal: 0 });
    const rows = await stored(batch.map(idOf));
    expect(rows.map((r) => r.path).sort()).toEqual(batch.map((r) => r.path).sort());
  });

  it("leaves a row it cannot encode for COPY to the INSERT, which gets PostgreSQL's verdict on it", async () => {
    const writer = new RequestLogRows(dataSource, true);
    await expect(writer.write([row('/gateway/x/bad-id', { apiKeyId: 'not-a-uuid' })])).rejects.toThrow(
      /invalid input syntax for type uuid/,
    );
    expect(writer.stats).toEqual({ copied: 0, insertedAfterRefusal: 0 });
  });

  it('writes a batch holding rows written before (a replay) without doubling any of them', async () => {
    const writer = new RequestLogRows(dataSource, true);
    const first = Array.from({ length: 5 }, (_, i) => row(`/gateway/x/replay/${i}`));
    await writer.write(first);
    const again = [...first, ...Array.from({ length: 3 }, (_, i) => row(`/gateway/x/replay/new/${i}`))];
    await writer.write(again);
    await writer.write(again);
    expect(writer.stats).toEqual({ copied: 1, insertedAfterRefusal: 2 });

    const rows = await stored(again.map(idOf));
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.id)).size).toBe(8);
  });
});

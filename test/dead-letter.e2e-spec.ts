import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextRowSequence, RequestLogWriter } from '@app/analytics';
import { AuditWriter } from '@app/audit';
import { withPg } from './helpers/databases';
import { startTestApp, TestApp } from './helpers/test-app';
import { until } from './helpers/wait';

const DATABASE_URL = () => process.env.DATABASE_URL!;

/** An audit row; `poisoned` carries a lone surrogate, which PostgreSQL's json input refuses. */
function auditRow(requestId: string, poisoned = false) {
  return {
    type: 'key.created',
    actorUserId: null,
    apiKeyId: null,
    ip: '127.0.0.1',
    userAgent: 'dead-letter test',
    requestId,
    metadata: { name: poisoned ? 'k\udc00x' : 'fine' },
    timestamp: new Date().toISOString(),
  };
}

/** The run's database's installation id: spool files carry it in their names. */
const installation = () =>
  withPg(DATABASE_URL(), async (pg) => (await pg.query('SELECT id FROM datahub_installation')).rows[0].id as string);

const auditRequestIds = (ids: string[]) =>
  withPg(DATABASE_URL(), async (pg) =>
    (
      await pg.query(`SELECT request_id FROM audit_events WHERE request_id = ANY($1) ORDER BY request_id`, [ids])
    ).rows.map((r) => r.request_id as string),
  );

function deadLetters(spoolDir: string, name: string): Array<{ reason: string; row: { requestId: string } }> {
  const file = join(spoolDir, 'dead-letter', `${name}.ndjson`);
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    : [];
}

/** One row the database refuses must never block the rows behind it. */
describe('batch writers: a poisoned row is dead-lettered, every other row is written', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('audit: a poisoned event in the middle of a batch; the writer goes on writing', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
    t = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
    const writer = t.app.get(AuditWriter);
    const tag = randomUUID().slice(0, 8);
    const ids = Array.from({ length: 9 }, (_, i) => `${tag}-${i}`);
    ids.forEach((id, i) => writer.enqueue(auditRow(id, i === 4)));
    await writer.flush();

    expect(await auditRequestIds(ids)).toEqual(ids.filter((_, i) => i !== 4));
    const letters = deadLetters(spoolDir, 'audit-events');
    expect(letters.map((l) => l.row.requestId)).toEqual([`${tag}-4`]);
    expect(letters[0].reason).toMatch(/json/i);
    expect(writer.stats).toMatchObject({ deadLettered: 1, dropped: 0, failures: 0, buffered: 0 });

    writer.enqueue(auditRow(`${tag}-after`));
    await writer.flush();
    expect(await auditRequestIds([`${tag}-after`])).toEqual([`${tag}-after`]);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('datahub_audit_event_rows{state="dead_lettered"} 1');
  });

  it('audit: a spool left with a poisoned event is replayed at the next start, all but that one row', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
    const tag = randomUUID().slice(0, 8);
    const ids = [`${tag}-a`, `${tag}-b`, `${tag}-c`];
    const rows = ids.map((requestId, i) => ({ id: randomUUID(), ...auditRow(requestId, i === 1) }));
    const spoolFile = `audit-events.${await installation()}-0-earlier-000000.ndjson`;
    writeFileSync(join(spoolDir, spoolFile), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');

    t = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
    const writer = t.app.get(AuditWriter);
    await until(() => writer.stats.spooled === 0, 20_000, 'the spool replay');
    expect(await auditRequestIds(ids)).toEqual([`${tag}-a`, `${tag}-c`]);
    expect(deadLetters(spoolDir, 'audit-events').map((l) => l.row.requestId)).toEqual([`${tag}-b`]);
    expect(existsSync(join(spoolDir, spoolFile))).toBe(false);
  });

  it('request logs: a row PostgreSQL refuses (a method longer than its column) is set aside', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
    t = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
    const writer = t.app.get(RequestLogWriter);
    const path = `/dead-letter/${randomUUID()}`;
    for (let i = 0; i < 6; i++) {
      writer.record({
        sequence: nextRowSequence(),
        apiKeyId: null,
        apiId: null,
        method: i === 2 ? 'X'.repeat(40) : 'GET',
        path,
        statusCode: 200,
        latencyMs: 1,
        timestamp: Date.now(),
        requestId: `rl-${i}`,
        ip: '127.0.0.1',
        bytesIn: 0,
        bytesOut: 0,
      });
    }
    await writer.flush();
    const written = await withPg(DATABASE_URL(), async (pg) =>
      (
        await pg.query(`SELECT metadata->>'requestId' AS id FROM request_logs WHERE path = $1 ORDER BY 1`, [path])
      ).rows.map((r) => r.id),
    );
    expect(written).toEqual(['rl-0', 'rl-1', 'rl-3', 'rl-4', 'rl-5']);
    expect(deadLetters(spoolDir, 'request-logs').map((l) => l.row.requestId)).toEqual(['rl-2']);
    expect(writer.stats).toMatchObject({ deadLettered: 1, dropped: 0, failures: 0 });
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditWriter } from '@app/audit';
import { withPg } from './helpers/databases';
import { startTestApp } from './helpers/test-app';

const DATABASE_URL = () => process.env.DATABASE_URL!;

function auditRow(requestId: string) {
  const row = {
    id: randomUUID(),
    type: 'key.created',
    actorUserId: null,
    apiKeyId: null,
    ip: null,
    userAgent: null,
    requestId,
    metadata: {},
  };
  return { ...row, timestamp: new Date().toISOString() };
}

/** A node replays only its own database's spool, and no two nodes share one spool directory. */
describe('spool directories belong to one database and one node', () => {
  it("leaves a spool of another database alone (not replayed, not deleted), replays its own, adopts an older version's", async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
    const ours = (await withPg(
      DATABASE_URL(),
      async (pg) => (await pg.query('SELECT id FROM datahub_installation')).rows[0].id,
    )) as string;
    const foreignFile = `audit-events.${randomUUID()}-0-other-000000.ndjson`;
    const legacyFile = 'audit-events-0-older-version-000000.ndjson';
    const ownFile = `audit-events.${ours}-0-earlier-000000.ndjson`;
    const tag = randomUUID().slice(0, 8);
    writeFileSync(join(spoolDir, foreignFile), JSON.stringify(auditRow(`${tag}-foreign`)) + '\n');
    writeFileSync(join(spoolDir, legacyFile), JSON.stringify(auditRow(`${tag}-legacy`)) + '\n');
    writeFileSync(join(spoolDir, ownFile), JSON.stringify(auditRow(`${tag}-own`)) + '\n');

    const t = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
    try {
      const writer = t.app.get(AuditWriter);
      expect(writer.stats.spooled).toBe(2);
      // A flush replays one spool file.
      await writer.flush();
      await writer.flush();
      expect(writer.stats.spooled).toBe(0);
      const written = await withPg(
        DATABASE_URL(),
        async (pg) =>
          (await pg.query(`SELECT request_id FROM audit_events WHERE request_id LIKE $1 ORDER BY 1`, [`${tag}-%`]))
            .rows,
      );
      expect(written).toEqual([{ request_id: `${tag}-legacy` }, { request_id: `${tag}-own` }]);
      expect(readdirSync(spoolDir).filter((file) => file.endsWith('.ndjson'))).toEqual([foreignFile]);
    } finally {
      await t.close();
    }
  });

  it('refuses to start a second node on a spool directory in use, and frees it at shutdown', async () => {
    const spoolDir = mkdtempSync(join(tmpdir(), 'datahub-spool-'));
    const first = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
    try {
      await expect(startTestApp({ LOG_SPOOL_DIR: spoolDir })).rejects.toThrow(
        /is the spool of process \d+.*own LOG_SPOOL_DIR/,
      );
      // The refused node took nothing from the first one.
      expect(['audit-events.lock', 'request-logs.lock'].every((lock) => existsSync(join(spoolDir, lock)))).toBe(true);
    } finally {
      await first.close();
    }
    expect(existsSync(join(spoolDir, 'request-logs.lock'))).toBe(false);
    const next = await startTestApp({ LOG_SPOOL_DIR: spoolDir });
    await next.close();
  });
});

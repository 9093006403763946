import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Upstream credentials become a write-only field of their own: `upstream_authorization`, an
 * Authorization header value the gateway sends upstream. Credentials written into an
 * upstream URL (`http://user:pass@host`) move there as Basic credentials, so that no route
 * returns them. Also a free-text description, which every role may read.
 */
export class UpstreamCredentials1764201600006 implements MigrationInterface {
  name = 'UpstreamCredentials1764201600006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "apis" ADD "description" character varying(500)`);
    await q.query(`ALTER TABLE "apis" ADD "upstream_authorization" character varying(4096)`);
    const withCredentials: Array<{ id: string; upstream_url: string }> = await q.query(
      `SELECT id, upstream_url FROM "apis" WHERE upstream_url ~ '^[a-zA-Z]+://[^/?#]*@'`,
    );
    for (const { id, upstream_url } of withCredentials) {
      const url = new URL(upstream_url);
      const basic = Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString(
        'base64',
      );
      url.username = '';
      url.password = '';
      await q.query(`UPDATE "apis" SET upstream_url = $2, upstream_authorization = $3 WHERE id = $1`, [
        id,
        url.toString(),
        `Basic ${basic}`,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "apis" DROP COLUMN "upstream_authorization"`);
    await q.query(`ALTER TABLE "apis" DROP COLUMN "description"`);
  }
}

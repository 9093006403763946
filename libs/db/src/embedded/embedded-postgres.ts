import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Connections the embedded server accepts: the app pool plus a migration or psql session. */
const EMBEDDED_MAX_CONNECTIONS = 16;
/** PGlite runs one query at a time; a bigger pool only queues inside it. */
export const EMBEDDED_POOL_SIZE = 5;

/**
 * PostgreSQL in-process (PGlite, WASM) behind the wire protocol on 127.0.0.1, so the
 * ordinary `pg` driver and TypeORM use it unchanged. Data persists in `dataDir`.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const db = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: EMBEDDED_MAX_CONNECTIONS });
    await server.start();
    const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${address.port}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@app/core';
import { createApp } from '../../apps/gateway/src/create-app';

export interface TestApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * Boots the production app (same createApp as main.ts) on a free port against the run's
 * PostgreSQL database and Redis prefix. `env` overrides variables for this instance only.
 */
export async function startTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  // Each instance spools to its own directory (one spool belongs to one node), removed
  // with it unless the test named one.
  const ownSpool = env.LOG_SPOOL_DIR === undefined ? mkdtempSync(join(tmpdir(), 'datahub-spool-')) : undefined;
  const removeSpool = () => ownSpool && rmSync(ownSpool, { recursive: true, force: true });
  const config = AppConfig.fromEnv({ ...process.env, ...env, LOG_SPOOL_DIR: env.LOG_SPOOL_DIR ?? ownSpool });
  const app = await createApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    // A node that fails to start must not keep pools and timers open behind the test.
    await closeApp(app).catch(() => undefined);
    removeSpool();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => closeApp(app).finally(removeSpool) };
}

/**
 * app.close() waits for open connections; a test client that aborted a request mid-flight
 * may leave one that Node only reaps at its request timeout (60 s). Tests do not wait for it.
 */
async function closeApp(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer();
  const force = setTimeout(() => server.closeAllConnections(), 1_000);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}

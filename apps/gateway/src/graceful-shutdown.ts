import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { AppConfig, LifecycleState } from '@app/core';

/** In-flight requests get this long after the listener closes. */
const IN_FLIGHT_GRACE_MS = 15_000;
/** Kubernetes' default termination grace period. */
const HARD_EXIT_MS = 30_000;

/**
 * SIGTERM/SIGINT: readiness answers 503 at once; keep serving for SHUTDOWN_DRAIN_MS so the
 * load balancer deregisters us; then stop accepting, let in-flight requests finish (at
 * most 15 s), run shutdown hooks (flush buffers, close pools) and exit within 30 s.
 */
export function installGracefulShutdown(app: INestApplication, logger: LoggerService): void {
  const config = app.get(AppConfig);
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const hardExit = setTimeout(() => {
      logger.error?.(`Shutdown exceeded ${HARD_EXIT_MS} ms; exiting`);
      process.exit(1);
    }, HARD_EXIT_MS);
    hardExit.unref();
    logger.log(`${signal} received: draining for ${config.shutdownDrainMs} ms`);
    app.get(LifecycleState).beginDraining();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    const server = app.getHttpServer() as Server;
    const force = setTimeout(() => server.closeAllConnections(), IN_FLIGHT_GRACE_MS);
    force.unref();
    // From here on a request that still arrives on a kept-alive connection gets a 503 problem.
    app.get(LifecycleState).beginClosing();
    try {
      await app.close();
      logger.log('Shutdown complete');
      process.exit(0);
    } catch (error) {
      logger.error?.(`Shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

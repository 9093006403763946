import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SessionStore } from './session-store.service';

const HOUR_MS = 60 * 60 * 1000;

/** Hourly: blacklist rows of tokens that have expired anyway are deleted. */
@Injectable()
export class RevocationCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationCleanup.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly sessions: SessionStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sessions
        .purgeExpiredRevocations()
        .catch((error: Error) => this.logger.warn(`Revocation cleanup failed: ${error.message}`));
    }, HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

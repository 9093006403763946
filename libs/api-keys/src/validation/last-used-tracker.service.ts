import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const FLUSH_INTERVAL_MS = 60_000;

/**
 * `last_used_at` without a write per request: uses are coalesced in memory (one entry per
 * key, the latest time) and written in one UPDATE per minute, and on shutdown.
 */
@Injectable()
export class LastUsedTracker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LastUsedTracker.name);
  private pending = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  touch(keyId: string, at = Date.now()): void {
    this.pending.set(keyId, at);
  }

  async flush(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    const times = ids.map((id) => new Date(batch.get(id)!).toISOString());
    try {
      await this.dataSource.query(
        `UPDATE api_keys SET last_used_at = used.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS used(id, at)
         WHERE api_keys.id = used.id AND (api_keys.last_used_at IS NULL OR api_keys.last_used_at < used.at)`,
        [ids, times],
      );
      return ids.length;
    } catch (error) {
      // Keep the newer of what failed and what arrived since, for the next flush.
      for (const [id, at] of batch) if ((this.pending.get(id) ?? 0) < at) this.pending.set(id, at);
      this.logger.warn(`last_used_at flush of ${ids.length} keys deferred: ${(error as Error).message}`);
      return 0;
    }
  }
}

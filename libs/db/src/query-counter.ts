import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM logger that counts every query it is shown (TypeORM reports each one) and sends
 * errors and warnings to the Nest log. The count proves hot paths make no query.
 */
export class CountingQueryLogger implements Logger {
  private readonly nest = new NestLogger('Database');
  queries = 0;

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.queries++;
  }

  logQueryError(error: string | Error, query: string): void {
    this.queries++;
    this.nest.warn(`Query failed: ${error instanceof Error ? error.message : error} (${query.slice(0, 120)})`);
  }

  logQuerySlow(time: number, query: string): void {
    this.nest.warn(`Slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.nest.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.nest.warn(String(message));
  }
}

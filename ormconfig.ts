/**
 * DataSource for the TypeORM CLI only (`npm run migration:generate`); the server and
 * `npm run migration:run|revert|show` build theirs from the same options function.
 * Needs DATABASE_URL: generate migrations against a real PostgreSQL 15.
 */
import 'reflect-metadata';
import { AppConfig } from '@app/core';
import { buildDataSourceOptions } from '@app/db';
import { DataSource } from 'typeorm';

const config = AppConfig.fromEnv();
if (!config.database.url) throw new Error('ormconfig.ts needs DATABASE_URL (a PostgreSQL 15 server)');

export default new DataSource(buildDataSourceOptions(config, config.database.url));

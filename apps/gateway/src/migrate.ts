/**
 * `npm run migration:run|revert|show`: the schema commands, on the same DataSource options
 * as the server. Against the embedded database too, once the server has stopped: the
 * data directory has one owner at a time.
 */
import 'reflect-metadata';
import { AppConfig, ConfigurationError } from '@app/core';
import {
  buildDataSourceOptions,
  EmbeddedPostgres,
  lockDataDir,
  migrationStatus,
  revertLastMigration,
  runMigrations,
} from '@app/db';
import { DataSource } from 'typeorm';

const USAGE = 'usage: migrate run | revert | show';

async function main(command: string | undefined): Promise<number> {
  if (!command || !['run', 'revert', 'show'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = AppConfig.fromEnv();
  const lock = config.embeddedDatabase ? lockDataDir(config.dataDir, { command: 'a migration command' }) : undefined;
  let embedded: EmbeddedPostgres | undefined;
  let dataSource: DataSource | undefined;
  try {
    embedded = config.embeddedDatabase ? await EmbeddedPostgres.start(config.embeddedPostgresDir) : undefined;
    dataSource = new DataSource({
      ...buildDataSourceOptions(config, embedded?.url ?? config.database.url!),
      logging: ['error'],
    });
    await dataSource.initialize();
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'nothing to apply');
    } else if (command === 'revert') {
      const before = (await migrationStatus(dataSource)).filter((m) => m.applied);
      await revertLastMigration(dataSource);
      console.log(before.length ? `reverted ${before[before.length - 1].name}` : 'nothing to revert');
    } else {
      for (const m of await migrationStatus(dataSource)) console.log(`[${m.applied ? 'X' : ' '}] ${m.name}`);
    }
    return 0;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
    await embedded?.stop();
    lock?.release();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(
      error instanceof ConfigurationError ? error.message : `migrate ${process.argv[2]} failed: ${error.message}`,
    );
    process.exit(1);
  },
);

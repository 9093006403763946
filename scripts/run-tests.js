#!/usr/bin/env node
/**
 * `npm test`: every unit and e2e suite (jest.config.js), then the time-series suites again
 * on TimescaleDB (jest.timescaledb.config.js) when a PostgreSQL with it preloaded answers
 * on TEST_TIMESCALE_URL. Without one that second run is skipped with one line, or fails
 * with DATAHUB_REQUIRE_TIMESCALEDB=1 (CI). Arguments go to both runs; `--outputFile=X`
 * becomes X and X's `.timescaledb` sibling.
 */
const { spawnSync } = require('node:child_process');
const { TIMESCALE_URL, timescalePreloaded } = require('./timescale');

const JEST = require.resolve('jest/bin/jest');

function jest(config, args) {
  return spawnSync(process.execPath, [JEST, '--config', config, ...args], { stdio: 'inherit' }).status ?? 1;
}

function withOutputFile(args, suffix) {
  return args.map((arg) =>
    arg.replace(/^(--outputFile=.*?)(\.json)?$/, (_, file, ext) => `${file}${suffix}${ext ?? ''}`),
  );
}

async function main() {
  const args = process.argv.slice(2);
  const main = jest('jest.config.js', args);
  if (!(await timescalePreloaded())) {
    const line = `No TimescaleDB at ${TIMESCALE_URL}: the time-series suites on TimescaleDB did not run (docs/operations.md, "Time-series backend")`;
    if (process.env.DATAHUB_REQUIRE_TIMESCALEDB === '1') {
      console.error(line);
      process.exit(1);
    }
    console.log(`\n${line}`);
    process.exit(main);
  }
  console.log('\nThe time-series suites again, on TimescaleDB:');
  const timescale = jest('jest.timescaledb.config.js', withOutputFile(args, '.timescaledb'));
  process.exit(main || timescale);
}

main();

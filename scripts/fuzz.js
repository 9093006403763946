#!/usr/bin/env node
/**
 * `npm run test:fuzz`: test/openapi-fuzz.e2e-spec.ts with a random seed (printed first, so a
 * failure replays with FUZZ_SEED=<seed>) and a larger budget (FUZZ_RUNS, default 100).
 * `npm test` runs the same spec with a fixed seed and a small budget.
 */
const { spawnSync } = require('node:child_process');
const { randomInt } = require('node:crypto');
const { resolve } = require('node:path');

const seed = process.env.FUZZ_SEED ?? String(randomInt(2 ** 31));
const runs = process.env.FUZZ_RUNS ?? '100';
console.log(`FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);

const root = resolve(__dirname, '..');
const jest = require.resolve('jest/bin/jest', { paths: [root] });
// The spec's path comes before --selectProjects, which would take it for a project name.
const result = spawnSync(
  process.execPath,
  [jest, '--config', 'jest.config.js', 'test/openapi-fuzz.e2e-spec.ts', '--selectProjects', 'e2e'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
  },
);
if (result.status !== 0) console.log(`\nReplay with: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run test:fuzz`);
process.exit(result.status ?? 1);

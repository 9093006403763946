#!/usr/bin/env node
/**
 * `npm start` and `npm test` build only when the sources changed since the last build:
 * a fingerprint of every file the build reads is kept next to the output.
 * `--record` only writes the fingerprint (after `nest build` has run).
 */
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = join(__dirname, '..');
const STAMP = join(ROOT, 'dist', '.build-fingerprint');
/** What the build produces: any of it missing means a build is due. */
const OUTPUTS = [
  ...['gateway', 'cli'].map((app) => join(ROOT, 'dist', 'apps', app, 'src', 'main.js')),
  join(ROOT, 'dist', 'console', 'index.html'),
];
const SOURCES = ['apps', 'libs'];
const SOURCE_FILE = /\.(ts|tsx|mts|css|html)$/;
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];
const CONSOLE_CONFIG = 'apps/console/vite.config.mts';
const SKIPPED = new Set(['node_modules', 'dist', 'testing']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

function fingerprint() {
  const hash = createHash('sha256');
  const paths = [...SOURCES.flatMap((dir) => [...files(join(ROOT, dir))]), ...CONFIG_FILES.map((f) => join(ROOT, f))];
  for (const path of paths.sort()) {
    hash.update(relative(ROOT, path)).update('\0');
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const wanted = fingerprint();
if (process.argv.includes('--record')) {
  writeFileSync(STAMP, wanted);
  process.exit(0);
}
const built = OUTPUTS.every(existsSync) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
if (built === wanted) process.exit(0);

const quiet = process.argv.includes('--quiet');
const started = Date.now();
if (!quiet)
  process.stdout.write(built ? 'Sources changed: building DataHub ...\n' : 'Building DataHub (first start) ...\n');
const nest = require.resolve('@nestjs/cli/bin/nest.js');
const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
// The server first: its build empties dist/, where the console goes next.
for (const args of [
  [nest, 'build', 'gateway'],
  [vite, 'build', '--config', CONSOLE_CONFIG],
]) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
writeFileSync(STAMP, wanted);
if (!quiet) process.stdout.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version in the project's package.json, found upwards from here (source and build differ in depth). */
export function packageVersion(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'datahub' && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level: keep going up
    }
  }
  return 'unknown';
}

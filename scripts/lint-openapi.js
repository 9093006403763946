#!/usr/bin/env node
/**
 * Boots nothing: reads the OpenAPI document from a running server (OPENAPI_URL) or from a
 * file and lints it with Redocly's recommended rules. Exits non-zero on any error.
 */
const { execFileSync } = require('node:child_process');
const { writeFileSync, mkdtempSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { readOpenApiDocument } = require('./openapi-document');

async function main() {
  const source = process.argv[2] ?? process.env.OPENAPI_URL ?? 'http://127.0.0.1:3000/docs-json';
  let file = source;
  if (/^https?:/.test(source)) {
    file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, await readOpenApiDocument(source));
  }
  execFileSync(process.execPath, [require.resolve('@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(__dirname, '..', 'redocly.yaml')], {
    stdio: 'inherit',
  });
}

main().catch((error) => {
  console.error(`openapi lint failed: ${error.message}`);
  process.exit(1);
});

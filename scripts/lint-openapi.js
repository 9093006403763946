#!/usr/bin/env node
/**
 * Lints the OpenAPI document with Redocly's recommended rules: from a running server
 * (OPENAPI_URL or a URL argument), a file, or else the built server booted for a moment in
 * embedded mode. Exits non-zero on any error.
 */
const { execFileSync } = require('node:child_process');
const { writeFileSync, mkdtempSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');
const { readOpenApiDocument } = require('./openapi-document');

async function main() {
  const source = process.argv[2] ?? process.env.OPENAPI_URL;
  let file = source;
  if (!source || /^https?:/.test(source)) {
    file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, await readOpenApiDocument(source));
  }
  execFileSync(
    process.execPath,
    [require.resolve('@redocly/cli/bin/cli.js'), 'lint', file, '--config', join(__dirname, '..', 'redocly.yaml')],
    {
      stdio: 'inherit',
    },
  );
}

main().catch((error) => {
  console.error(`openapi lint failed: ${error.message}`);
  process.exit(1);
});

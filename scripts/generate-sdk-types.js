#!/usr/bin/env node
/**
 * Generates the SDK's types (libs/sdk/src/generated/openapi.ts) from the server's OpenAPI
 * document with openapi-typescript, so the SDK cannot drift from the server.
 *
 *   node scripts/generate-sdk-types.js [source]          write the file
 *   node scripts/generate-sdk-types.js --check [source]  exit 1 if the file is not current
 *
 * source: a /docs-json URL or a file; default: the built server (npm run build) booted in
 * embedded mode for a moment.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { relative, resolve } = require('node:path');
const { readOpenApiDocument } = require('./openapi-document');

const TARGET = resolve(__dirname, '..', 'libs/sdk/src/generated/openapi.ts');
const HEADER = `/**
 * Generated from the server's OpenAPI document (GET /docs-json) by scripts/generate-sdk-types.js.
 * Do not edit: run \`npm run sdk:types\` after changing the server's routes or DTOs.
 */

`;

async function render(documentText) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  // A property with a default is optional in a request body, so it stays optional here.
  const ast = await openapiTS(JSON.parse(documentText), { defaultNonNullable: false });
  return HEADER + astToString(ast);
}

async function main(args) {
  const check = args.includes('--check');
  const source = args.find((arg) => !arg.startsWith('--')) ?? process.env.OPENAPI_URL;
  const generated = await render(await readOpenApiDocument(source));
  const target = relative(process.cwd(), TARGET);
  if (!check) {
    writeFileSync(TARGET, generated);
    console.log(`wrote ${target}`);
    return 0;
  }
  let current = '';
  try {
    current = readFileSync(TARGET, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current === generated) {
    console.log(`${target} is current`);
    return 0;
  }
  console.error(
    `${target} is out of date with the server's OpenAPI document: run npm run sdk:types and commit the result`,
  );
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`generate-sdk-types failed: ${error.message}`);
    process.exit(1);
  },
);

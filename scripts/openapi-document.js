/**
 * Where the OpenAPI document comes from, for the scripts that consume it: a running
 * server's /docs-json (http(s) URL), a file, or (no source) the built server booted for a
 * moment in embedded mode, which needs neither PostgreSQL nor Redis.
 */
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const BUILT_MAIN = resolve(__dirname, '..', 'dist/apps/gateway/src/main.js');

async function fetchDocument(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function fromBuiltServer() {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'datahub-openapi-'));
  const port = await freePort();
  const child = spawn(process.execPath, [BUILT_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATAHUB_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SHUTDOWN_DRAIN_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => child.once('exit', done));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${stderr.trim()}`);
      try {
        return await fetchDocument(`http://127.0.0.1:${port}/docs-json`);
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the server did not serve /docs-json within 60 s: ${error.message}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The document's text from `source` (URL or file path), or from the built server when absent. */
async function readOpenApiDocument(source) {
  if (!source) return fromBuiltServer();
  if (/^https?:/.test(source)) return fetchDocument(source);
  return readFileSync(source, 'utf8');
}

module.exports = { readOpenApiDocument };

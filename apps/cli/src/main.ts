#!/usr/bin/env node
import { processIo } from './io';
import { runCli } from './program';

// `datahub keys list --json | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});

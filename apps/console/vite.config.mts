import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The console is served by the gateway at /console from dist/console (apps/gateway/src/console-assets.ts). */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  resolve: { alias: { '@datahub/sdk': here('../../libs/sdk/src/index.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The strict CSP allows no inline script: the module preload polyfill would be one.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  logLevel: 'warn',
});

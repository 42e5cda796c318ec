import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precacheServiceWorker } from './scripts/vite-plugin-precache.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Served pages are cross-origin isolated (COOP/COEP) so WASM threads and precise memory work;
 * the Content-Security-Policy itself sits in index.html so it also holds on any static host.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  // The offline service worker (dist/sw.js) lists the built files; the bench page stays out of it.
  plugins: [
    svelte(),
    precacheServiceWorker({ exclude: [/^bench(-detect)?\.html$/, /^assets\/bench[-.]/] }),
  ],
  resolve: {
    alias: {
      // danfojs's tsc build imports our @tensorflow/tfjs instead of bundling TF.js 3 (DESIGN.md).
      danfojs: `${root}node_modules/danfojs/dist/danfojs-browser/src/index.js`,
      'plotly.js-dist-min': `${root}src/ui/no-plotting.ts`,
    },
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // bench.html: the import benchmark's page (bench/import-bench.ts); not linked from the app.
    rolldownOptions: {
      // No paragraph of plugin timings after each build: build speed is measured by benchmarks.
      checks: { bundlerTimings: false },
      input: {
        main: `${root}index.html`,
        bench: `${root}bench.html`,
        // bench-detect.html: the detection benchmark's page (bench/detect-browser.ts).
        'bench-detect': `${root}bench-detect.html`,
      },
    },
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders, port: 5173, strictPort: true },
});

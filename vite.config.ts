import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precacheServiceWorker } from './scripts/vite-plugin-precache.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Served pages are cross-origin isolated (COOP/COEP) so WASM threads and precise memory work.
 * The Content-Security-Policy sits in index.html so the page keeps it on any static host, but a
 * meta tag does not reach workers: a worker script takes the policy of its own response. So the
 * preview server sends the policy as a header on every file (README, "Hosting", lists the same
 * headers for other hosts), with frame-ancestors (ignored in a meta tag), nosniff and no referrer.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** index.html's policy, plus what only a header can say. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  ...isolationHeaders,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
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
  preview: { headers: securityHeaders, port: 5173, strictPort: true },
});

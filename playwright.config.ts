import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

/** Port of the `vite preview` server the suite runs against (the build comes from `npm run test:e2e`). */
const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end tests against the production build, in Debian's Chromium. CI has 2 cores, so one
 * worker and generous timeouts; keep the whole suite to a few minutes.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    // Never reuse a server on the port: another checkout's preview (or one that stops mid-run)
    // would test the wrong build; a busy port fails fast with a clear message instead.
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://localhost:${PORT}`,
    headless: true,
    // The app registers a service worker in production builds; only the specs about it
    // (offline, privacy) opt back in, so the others don't precache the shell in every test.
    serviceWorkers: 'block',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
});

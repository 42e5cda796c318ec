/**
 * How Playwright launches Chromium here, shared by playwright.config.ts and the import benchmark.
 * Playwright cannot download its own browser on this network, so it drives Debian's package
 * (`node scripts/ensure-chromium.mjs` installs it); the flags keep the browser off the network.
 */

/** Debian's Chromium (apt-get install -y chromium). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch flags: no sandbox (containers), no background traffic, WebGPU through SwiftShader. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
  '--disable-quic',
];

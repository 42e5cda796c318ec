/**
 * Workers take their Content-Security-Policy from their own script's response, not from the
 * page's meta tag: the preview server sends it as a header, and a fetch to another origin from
 * each worker must be blocked. The other origin is a real local server that would answer (CORS
 * and CORP allow it), so a block can only come from the policy.
 */
import { expect, test, type Worker } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gotoApp, openSample } from './helpers';

let server: Server;
let hits = 0;
let foreignUrl = '';

test.beforeAll(async () => {
  server = createServer((_request, response) => {
    hits++;
    response.writeHead(200, {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Type': 'text/plain',
    });
    response.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/leak`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** What a fetch from inside `worker` gets: 'ok <status>' or 'blocked'. */
function fetchFrom(worker: Worker, url: string): Promise<string> {
  return worker.evaluate(async (target) => {
    try {
      const response = await fetch(target);
      return `ok ${response.status}`;
    } catch {
      return 'blocked';
    }
  }, url);
}

test('the preview server sends the security headers on the page and the worker scripts', async ({
  page,
}) => {
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("connect-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
});

test('a fetch to another origin from each worker is blocked', async ({ page, baseURL }) => {
  await gotoApp(page);
  await openSample(page, 'penguins', 344, 8);
  const named = (part: string) => page.workers().find((w) => w.url().includes(part));
  await expect.poll(() => Boolean(named('data.worker') && named('compute.worker'))).toBe(true);
  const workers = page
    .workers()
    .filter((w) => new URL(w.url()).origin === new URL(baseURL!).origin);
  expect(workers.length).toBeGreaterThanOrEqual(2);
  for (const worker of workers) {
    const script = await page.request.get(worker.url());
    expect(script.headers()['content-security-policy'], worker.url()).toContain(
      "connect-src 'self'",
    );
    expect(await fetchFrom(worker, '/favicon.svg'), `same origin from ${worker.url()}`).toBe(
      'ok 200',
    );
    expect(await fetchFrom(worker, foreignUrl), `other origin from ${worker.url()}`).toBe(
      'blocked',
    );
  }
  expect(hits, 'requests that reached the other origin').toBe(0);
  // The server was there to answer: a request from outside the browser reaches it.
  expect(await (await fetch(foreignUrl)).text()).toBe('reached');
  expect(hits).toBe(1);
});

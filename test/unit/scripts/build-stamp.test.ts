import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputsHash, isUpToDate, writeStamp } from '../../../scripts/build-stamp';
import viteConfig from '../../../vite.config';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'stamp-'));
  mkdirSync(join(root, 'src', 'ui'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'src', 'ui', 'App.svelte'), '<p>hi</p>');
  return root;
}

describe('build stamp (npm start rebuilds only when an input changed)', () => {
  it('hashes the same inputs the same way, and differently after an edit, an added or a renamed file', () => {
    const root = project();
    const first = inputsHash(root);
    expect(inputsHash(root)).toBe(first);
    writeFileSync(join(root, 'src', 'main.ts'), 'export const a = 2;');
    const edited = inputsHash(root);
    expect(edited).not.toBe(first);
    writeFileSync(join(root, 'src', 'ui', 'New.svelte'), '');
    const added = inputsHash(root);
    expect(added).not.toBe(edited);
    const other = project();
    writeFileSync(join(other, 'src', 'main.ts'), 'export const a = 2;');
    writeFileSync(join(other, 'src', 'New.svelte'), '');
    expect(inputsHash(other)).not.toBe(added);
  });

  it('is up to date only with a built index.html and a stamp of the current hash', () => {
    const root = project();
    const dist = join(root, 'dist');
    mkdirSync(dist);
    const hash = inputsHash(root);
    expect(isUpToDate(dist, hash)).toBe(false);
    writeStamp(dist, hash);
    expect(isUpToDate(dist, hash)).toBe(false);
    writeFileSync(join(dist, 'index.html'), '<html></html>');
    expect(isUpToDate(dist, hash)).toBe(true);
    writeFileSync(join(root, 'index.html'), '<html lang="en"></html>');
    expect(isUpToDate(dist, inputsHash(root))).toBe(false);
  });

  it('the build prints no plugin-timing paragraph and finds a Svelte config', () => {
    expect(
      existsSync(join(fileURLToPath(new URL('../../..', import.meta.url)), 'svelte.config.js')),
    ).toBe(true);
    const options = viteConfig as { build?: { rolldownOptions?: { checks?: object } } };
    expect(options.build?.rolldownOptions?.checks).toMatchObject({ bundlerTimings: false });
  });
});

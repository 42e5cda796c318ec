import { describe, expect, it } from 'vitest';
import { rowProgress } from '../../../src/cli/progress';

function sink(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('rowProgress', () => {
  it('writes one line per new count when stderr is not a terminal, and nothing repeated', () => {
    const stream = sink(false);
    const progress = rowProgress(stream);
    progress(1000);
    progress(1470);
    progress(1470);
    progress.done();
    expect(stream.written.join('')).toBe('read 1000 rows\nread 1470 rows\n');
  });

  it('rewrites one line on a terminal and ends it once', () => {
    const stream = sink(true);
    const progress = rowProgress(stream);
    progress(1000);
    progress(1470);
    progress.done();
    progress.done();
    expect(stream.written.join('')).toBe('\rread 1000 rows\rread 1470 rows\n');
  });

  it('writes nothing when no count came', () => {
    const stream = sink(false);
    rowProgress(stream).done();
    expect(stream.written).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyOperationsToChunk } from '../../../src/core/clean/apply-chunk';
import { cellsOf, logOf, numericChunk, set, stringChunk, transform } from './helpers';

describe('column transforms', () => {
  it('replace-with-missing matches numbers by value and invalid text by text', () => {
    const chunk = numericChunk('float', [-999, 1, 'N/A', '?', -999.5]);
    const out = applyOperationsToChunk(
      chunk,
      0,
      0,
      logOf(transform({ kind: 'replace-with-missing', values: ['-999.0', 'N/A'] })),
    );
    expect(cellsOf(out)).toEqual([null, 1, null, { invalid: '?' }, -999.5]);
  });

  it('replace-with-missing on strings', () => {
    const chunk = stringChunk('categorical', ['a', 'unknown', 'b', 'unknown']);
    const out = applyOperationsToChunk(
      chunk,
      0,
      0,
      logOf(transform({ kind: 'replace-with-missing', values: ['unknown'] })),
    );
    expect(cellsOf(out)).toEqual(['a', null, 'b', null]);
  });

  it('trim merges values that differ only by whitespace and empties blank ones', () => {
    const chunk = stringChunk('categorical', ['a', ' a', 'b ', '   ']);
    const out = applyOperationsToChunk(chunk, 0, 0, logOf(transform({ kind: 'trim' })));
    expect(cellsOf(out)).toEqual(['a', 'a', 'b', null]);
    expect(out.dictionary).toEqual(['a', 'b']);
  });

  it('trim lets a padded invalid number parse', () => {
    const chunk = numericChunk('integer', [1, ' 42 ', 'x ']);
    const out = applyOperationsToChunk(chunk, 0, 0, logOf(transform({ kind: 'trim' })));
    expect(cellsOf(out)).toEqual([1, 42, { invalid: 'x' }]);
  });

  it('map-categories maps once (no chaining) and merges into existing values', () => {
    const chunk = stringChunk('categorical', ['NY', 'N.Y.', 'LA', 'SF']);
    const mapping: Array<[string, string]> = [
      ['N.Y.', 'NY'],
      ['LA', 'SF'],
      ['SF', 'San Francisco'],
    ];
    const out = applyOperationsToChunk(
      chunk,
      0,
      0,
      logOf(transform({ kind: 'map-categories', mapping })),
    );
    expect(cellsOf(out)).toEqual(['NY', 'NY', 'SF', 'San Francisco']);
  });

  it('map-categories on a numeric column compares by value', () => {
    const chunk = numericChunk('integer', [1, 2, 'two']);
    const mapping: Array<[string, string]> = [
      ['2', '20'],
      ['two', '2'],
    ];
    const out = applyOperationsToChunk(
      chunk,
      0,
      0,
      logOf(transform({ kind: 'map-categories', mapping })),
    );
    expect(cellsOf(out)).toEqual([1, 20, 2]);
  });

  it('impute fills missing cells only, including those made missing earlier', () => {
    const chunk = numericChunk('float', [null, 1, -1, 'bad', null]);
    const ops = logOf(
      transform({ kind: 'replace-with-missing', values: ['-1'] }),
      transform({ kind: 'impute', strategy: 'median', value: '1.5' }),
    );
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, ops))).toEqual([
      1.5,
      1,
      1.5,
      { invalid: 'bad' },
      1.5,
    ]);
  });

  it('impute on strings', () => {
    const chunk = stringChunk('categorical', [null, 'a', null]);
    const ops = logOf(transform({ kind: 'impute', strategy: 'mode', value: 'a' }));
    expect(cellsOf(applyOperationsToChunk(chunk, 0, 0, ops))).toEqual(['a', 'a', 'a']);
  });

  it('parses booleans and dates by the column type', () => {
    const bools = applyOperationsToChunk(
      numericChunk('boolean', [0, 1]),
      0,
      0,
      logOf(set(0, 'yes'), set(1, 'False')),
    );
    expect(cellsOf(bools)).toEqual([1, 0]);
    const dates = applyOperationsToChunk(
      numericChunk('date', [0]),
      0,
      0,
      logOf(set(0, '2024-03-31')),
    );
    expect(cellsOf(dates)).toEqual([Date.UTC(2024, 2, 31)]);
  });
});

import { describe, expect, it } from 'vitest';
import { generatedNames, headerNames } from '../../../src/core/table/headers';

describe('headerNames', () => {
  it('keeps unique names as they are, trimmed, without a warning', () => {
    const result = headerNames([' id ', 'name']);
    expect(result.names).toEqual(['id', 'name']);
    expect(result.originals).toEqual([' id ', 'name']);
    expect(result.warning).toBeNull();
  });

  it('renames repeats to name_2, name_3 and empty ones to column_N', () => {
    const result = headerNames(['a', 'a', '', 'a', '  ']);
    expect(result.names).toEqual(['a', 'a_2', 'column_3', 'a_3', 'column_5']);
    expect(result.warning).toMatchObject({ code: 'renamed-headers', count: 4 });
    expect(result.warning?.message).toContain('“a” (column 2) → “a_2”');
  });

  it('does not take a name the header spells out later', () => {
    expect(headerNames(['a', 'a', 'a_2']).names).toEqual(['a', 'a_3', 'a_2']);
    expect(headerNames(['', 'column_1']).names).toEqual(['column_1_2', 'column_1']);
  });

  it('works with names that are Object.prototype keys', () => {
    const result = headerNames(['__proto__', 'constructor', '__proto__', 'hasOwnProperty']);
    expect(result.names).toEqual(['__proto__', 'constructor', '__proto___2', 'hasOwnProperty']);
  });
});

describe('generatedNames', () => {
  it('names columns column_1..N', () => {
    expect(generatedNames(3).names).toEqual(['column_1', 'column_2', 'column_3']);
    expect(generatedNames(3).warning).toBeNull();
  });
});
